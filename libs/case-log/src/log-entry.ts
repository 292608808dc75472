/** One case log entry exactly as SPEC §4 defines it. */
export interface LogEntry {
  caseId: string;
  seq: number;
  /** ISO-8601 UTC, e.g. 2026-11-21T12:00:00.000Z */
  at: string;
  actor: string;
  type: string;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export type UnhashedEntry = Omit<LogEntry, 'hash'>;

/** prevHash of the first entry of every chain. */
export const GENESIS_HASH = '0'.repeat(64);
