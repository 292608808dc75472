import { DataSource, EntityManager } from 'typeorm';
import { CaseLogEntryEntity } from '@sg/persistence';
import { toJsonValue } from './canonical-json';
import { computeEntryHash } from './entry-hash';
import { GENESIS_HASH, LogEntry } from './log-entry';
import { isLogEntryType, unknownLogEntryType } from './log-entry-types';
import { signEntryHash } from './signatures';
import { currentLogKeyring } from './current-keyring';

export interface AppendRequest {
  caseId: string;
  /** the step's business identity, e.g. 'case.opened' or 'referral.recorded:EMERGENCY_SERVICES' */
  stepKey: string;
  actor: string;
  /** one of LOG_ENTRY_TYPES; any other is refused, non-retryably, before anything is written */
  type: string;
  data: Record<string, unknown>;
}

export class CaseNotFoundError extends Error {
  constructor(readonly caseId: string) {
    super(`case ${caseId} does not exist`);
  }
}

/** Appends to and reads the hash-chained case log. */
export class CaseLogStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends once per (case, stepKey): a retried step gets the entry it already wrote back, with created: false. */
  append(request: AppendRequest, manager?: EntityManager): Promise<AppendResult> {
    if (!isLogEntryType(request.type)) return Promise.reject(unknownLogEntryType(request.type));
    return manager
      ? appendInTransaction(manager, request)
      : this.dataSource.transaction((tx) => appendInTransaction(tx, request));
  }

  async entryForStep(caseId: string, stepKey: string): Promise<LogEntry | undefined> {
    const row = await this.dataSource.getRepository(CaseLogEntryEntity).findOne({ where: { caseId, stepKey } });
    return row ? toLogEntry(row) : undefined;
  }

  async entries(caseId: string): Promise<LogEntry[]> {
    const rows = await this.dataSource
      .getRepository(CaseLogEntryEntity)
      .find({ where: { caseId }, order: { seq: 'ASC' } });
    return rows.map(toLogEntry);
  }
}

export interface AppendResult {
  entry: LogEntry;
  created: boolean;
}

async function appendInTransaction(tx: EntityManager, request: AppendRequest): Promise<AppendResult> {
  // Locking the case row serialises appends to one chain; other cases' chains are not held up.
  const locked: unknown[] = await tx.query('SELECT id FROM cases WHERE id = $1 FOR UPDATE', [request.caseId]);
  if (locked.length === 0) throw new CaseNotFoundError(request.caseId);

  const repository = tx.getRepository(CaseLogEntryEntity);
  const already = await repository.findOne({ where: { caseId: request.caseId, stepKey: request.stepKey } });
  if (already) return { entry: toLogEntry(already), created: false };

  const head = await repository.findOne({ where: { caseId: request.caseId }, order: { seq: 'DESC' } });
  const unhashed = {
    caseId: request.caseId,
    seq: head ? head.seq + 1 : 1,
    at: new Date().toISOString(),
    actor: request.actor,
    type: request.type,
    data: toJsonValue(request.data),
    prevHash: head ? head.hash : GENESIS_HASH,
  };
  const entry: LogEntry = { ...unhashed, hash: computeEntryHash(unhashed) };
  // Signed as it is written: whoever rewrites the table later cannot make valid signatures without the key.
  const signer = currentLogKeyring().signing;
  const signature = signEntryHash(signer.privateKey, entry.hash);
  await tx.query(
    `INSERT INTO case_log_entries (case_id, seq, at, actor, type, data, prev_hash, hash, step_key, signature, key_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      entry.caseId,
      entry.seq,
      entry.at,
      entry.actor,
      entry.type,
      JSON.stringify(entry.data),
      entry.prevHash,
      entry.hash,
      request.stepKey,
      signature,
      signer.keyId,
    ],
  );
  return { entry, created: true };
}

export function toLogEntry(row: CaseLogEntryEntity): LogEntry {
  return {
    caseId: row.caseId,
    seq: row.seq,
    at: row.at.toISOString(),
    actor: row.actor,
    type: row.type,
    data: row.data,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
