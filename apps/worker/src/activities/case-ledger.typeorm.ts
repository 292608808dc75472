import { DataSource, EntityManager } from 'typeorm';
import { AppendRequest, CaseLogStore, LogEntry, toLogEntry } from '@sg/case-log';
import { CaseEntity, CaseLogEntryEntity } from '@sg/persistence';
import type { TaskSpec } from '@sg/workflows/case/case.activities';
import type { CaseLedger, CaseLedgerTx, ReadModelChanges } from './case-ledger';

/** The ledger in PostgreSQL: one database transaction per unit of work. */
export class TypeOrmCaseLedger implements CaseLedger {
  private readonly log: CaseLogStore;

  constructor(private readonly dataSource: DataSource) {
    this.log = new CaseLogStore(dataSource);
  }

  transaction<T>(work: (tx: CaseLedgerTx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new TypeOrmLedgerTx(manager, this.log)));
  }
}

class TypeOrmLedgerTx implements CaseLedgerTx {
  constructor(
    private readonly manager: EntityManager,
    private readonly log: CaseLogStore,
  ) {}

  async append(request: AppendRequest): Promise<{ created: boolean }> {
    const { created } = await this.log.append(request, this.manager);
    return { created };
  }

  async entryForStep(caseId: string, stepKey: string): Promise<LogEntry | undefined> {
    const row = await this.manager.getRepository(CaseLogEntryEntity).findOne({ where: { caseId, stepKey } });
    return row ? toLogEntry(row) : undefined;
  }

  async findCase(caseId: string): Promise<CaseEntity | undefined> {
    return (await this.manager.getRepository(CaseEntity).findOne({ where: { id: caseId } })) ?? undefined;
  }

  async updateCase(caseId: string, { reviewDeadlineAt, ...rest }: ReadModelChanges): Promise<void> {
    const deadline = reviewDeadlineAt === undefined ? {} : { reviewDeadlineAt: toDate(reviewDeadlineAt) };
    await this.manager.getRepository(CaseEntity).update({ id: caseId }, { ...rest, ...deadline });
  }

  async openTask(caseId: string, task: TaskSpec): Promise<void> {
    await this.manager.query(
      `INSERT INTO case_tasks (case_id, task_key, kind, role, description, due_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (case_id, task_key) DO NOTHING`,
      [caseId, task.key, task.kind, task.role, task.description, task.dueAt ?? null],
    );
  }

  async completeTasks(caseId: string, keys: string[]): Promise<void> {
    await this.manager.query(
      `UPDATE case_tasks SET completed_at = now() WHERE case_id = $1 AND task_key = ANY($2) AND completed_at IS NULL`,
      [caseId, keys],
    );
  }
}

const toDate = (at: string | null): Date | null => (at === null ? null : new Date(at));
