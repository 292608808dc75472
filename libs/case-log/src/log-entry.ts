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

export interface SignedLogEntry extends LogEntry {
  /** base64 Ed25519 signature of the entry's hash, made when it was appended */
  signature?: string | null;
  /** id of the key that made it; absent on entries written before key ids existed */
  keyId?: string | null;
}

/** Where a partial chain (an export's time range) starts: the entry just before it, whose signature vouches for it. */
export interface ChainAnchor {
  seq: number;
  hash: string;
  signature?: string | null;
  keyId?: string | null;
}
