import { DataSource, EntityManager } from 'typeorm';
import { CaseLogEntryEntity } from '@sg/persistence';
import { LogEntry } from './log-entry';
import { isLogEntryType, unknownLogEntryType } from './log-entry-types';
import { AppendRequest, INSERTED_COLUMNS, nextEntry } from './next-entry';

export type { AppendRequest };

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
  const { entry, values } = nextEntry(request, head ?? undefined);
  await tx.query(
    `INSERT INTO case_log_entries (${INSERTED_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    values,
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
