import { createHash } from 'node:crypto';

/**
 * RFC 8785 canonical JSON written from the RFC, independently of the service's own code, so that the tests
 * check the log against SPEC §4's rule rather than against the implementation. Covers what JSON.parse yields.
 */
export function jcs(value: unknown): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('JCS has no form for non-finite numbers');
    return Object.is(value, -0) ? '0' : JSON.stringify(value); // ECMAScript Number.toString, as RFC 8785 §3.2.2.3 requires
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(jcs).join(',')}]`;
  if (typeof value === 'object') {
    // Keys sorted by UTF-16 code units (RFC 8785 §3.2.3): the default sort of JavaScript strings.
    const keys = Object.keys(value as object).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${jcs((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  throw new Error(`JCS has no form for ${typeof value}`);
}

export interface ExportedEntry {
  caseId: string;
  seq: number;
  at: string;
  actor: string;
  type: string;
  data: unknown;
  prevHash: string;
  hash: string;
}

/** Recomputes a chain from SPEC §4 alone; returns the first seq that does not hold, or undefined. */
export function firstBrokenSeq(entries: ExportedEntry[]): number | undefined {
  let prevHash = '0'.repeat(64);
  for (const [i, e] of entries.entries()) {
    const recomputed = createHash('sha256')
      .update(
        jcs({
          caseId: e.caseId,
          seq: e.seq,
          at: e.at,
          actor: e.actor,
          type: e.type,
          data: e.data,
          prevHash: e.prevHash,
        }),
        'utf8',
      )
      .digest('hex');
    if (e.seq !== i + 1 || e.prevHash !== prevHash || recomputed !== e.hash) return i + 1;
    prevHash = e.hash;
  }
  return undefined;
}
