/**
 * A per-account cut-off for tokens: re-enabling, new roles, a new password or a two-factor reset set it to now,
 * and every token issued before it is refused. A token's `iat` is in whole seconds, so the cut-off is rounded up to
 * the next second and a new token is never dated earlier than that: every token from before the change is refused,
 * and a token issued after it, even within the same second, is not.
 */
export function cutoffSeconds(tokensValidAfter: Date | null): number {
  return tokensValidAfter ? Math.ceil(tokensValidAfter.getTime() / 1000) : 0;
}

/** The `iat` a token issued now for the account carries. */
export function issuedAtFor(tokensValidAfter: Date | null, nowMs = Date.now()): number {
  return Math.max(Math.floor(nowMs / 1000), cutoffSeconds(tokensValidAfter));
}

export function issuedBeforeCutoff(iat: number, tokensValidAfter: Date | null): boolean {
  return iat < cutoffSeconds(tokensValidAfter);
}
