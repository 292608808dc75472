import { EntityManager } from 'typeorm';
import { SignedLogEntry } from './chain-audit';
import { SignedCheckpoint } from './signatures';

// Raw SQL: the signature columns and the checkpoints table have no TypeORM entity (the persistence lib is not the
// log's to change).

export const ENTRY_COLUMNS = 'case_id, seq, at, actor, type, data, prev_hash, hash, signature, key_id';
export const CHECKPOINT_COLUMNS = 'case_id, seq, head_hash, head_at, checkpointed_at, signature, key_id';

export interface EntryRow {
  case_id: string;
  seq: number;
  at: Date;
  actor: string;
  type: string;
  data: Record<string, unknown>;
  prev_hash: string;
  hash: string;
  signature: string | null;
  key_id: string | null;
}

export interface CheckpointRow {
  case_id: string;
  seq: number;
  head_hash: string;
  head_at: Date;
  checkpointed_at: Date;
  signature: string;
  key_id: string | null;
}

export function toSignedEntry(r: EntryRow): SignedLogEntry {
  return {
    caseId: r.case_id,
    seq: r.seq,
    at: r.at.toISOString(),
    actor: r.actor,
    type: r.type,
    data: r.data,
    prevHash: r.prev_hash,
    hash: r.hash,
    signature: r.signature,
    keyId: r.key_id,
  };
}

export function toCheckpoint(r: CheckpointRow): SignedCheckpoint {
  return {
    caseId: r.case_id,
    seq: r.seq,
    headHash: r.head_hash,
    headAt: r.head_at.toISOString(),
    checkpointedAt: r.checkpointed_at.toISOString(),
    signature: r.signature,
    keyId: r.key_id,
  };
}

/** The case's entries from `fromSeq` on (all of them by default), in seq order. */
export async function signedEntriesOf(db: EntityManager, caseId: string, fromSeq = 1): Promise<SignedLogEntry[]> {
  const rows: EntryRow[] = await db.query(
    `SELECT ${ENTRY_COLUMNS} FROM case_log_entries WHERE case_id = $1 AND seq >= $2 ORDER BY seq`,
    [caseId, fromSeq],
  );
  return rows.map(toSignedEntry);
}

export async function checkpointsOf(db: EntityManager, caseId: string): Promise<SignedCheckpoint[]> {
  const rows: CheckpointRow[] = await db.query(
    `SELECT ${CHECKPOINT_COLUMNS} FROM case_log_checkpoints WHERE case_id = $1 ORDER BY seq`,
    [caseId],
  );
  return rows.map(toCheckpoint);
}

export async function latestCheckpointOf(db: EntityManager, caseId: string): Promise<SignedCheckpoint | undefined> {
  const rows: CheckpointRow[] = await db.query(
    `SELECT ${CHECKPOINT_COLUMNS} FROM case_log_checkpoints WHERE case_id = $1 ORDER BY seq DESC LIMIT 1`,
    [caseId],
  );
  return rows.length ? toCheckpoint(rows[0]) : undefined;
}
