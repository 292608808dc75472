import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a receiver accepts a signature timestamp from its own clock: a captured request replays no later. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * `X-Signature: sha256=<hex HMAC-SHA256>` (SPEC §3.6) over `<timestamp>.<raw body>`, where the timestamp (Unix
 * seconds) is sent as `X-Signature-Timestamp`: binding it into the HMAC lets a receiver refuse a replayed request.
 */
export function signBody(secret: string, rawBody: string, timestamp: number): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex')}`;
}

/** The two headers a signed delivery carries, signed now. */
export function signatureHeaders(secret: string, rawBody: string, nowMs = Date.now()): Record<string, string> {
  const timestamp = Math.floor(nowMs / 1000);
  return { 'x-signature': signBody(secret, rawBody, timestamp), 'x-signature-timestamp': String(timestamp) };
}

/** What a receiver checks: the signature over that timestamp and body, and a timestamp close to its clock. */
export function verifySignature(
  secret: string,
  rawBody: string,
  header: string | undefined,
  timestampHeader: string | undefined,
  nowMs = Date.now(),
): boolean {
  if (!/^\d{1,12}$/.test(timestampHeader ?? '')) return false;
  const timestamp = Number(timestampHeader);
  if (Math.abs(nowMs / 1000 - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signBody(secret, rawBody, timestamp));
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
