import type { AppendRequest, LogEntry } from '@sg/case-log';
import type { CaseEntity } from '@sg/persistence';
import type { TaskSpec } from '@sg/workflows/case/case.activities';
import type { CaseLedger, CaseLedgerTx, ReadModelChanges } from '../case-ledger';

export interface LedgerEntry {
  caseId: string;
  seq: number;
  stepKey: string;
  actor: string;
  type: string;
  data: Record<string, unknown>;
}

export interface LedgerTask extends TaskSpec {
  caseId: string;
  completed: boolean;
}

interface LedgerData {
  entries: LedgerEntry[];
  cases: Record<string, CaseEntity>;
  tasks: LedgerTask[];
}

/**
 * The ledger in memory, for tests of the bookkeeping activities and the fast workflow suite. A transaction works on a
 * copy and commits it only when the work succeeds, as PostgreSQL would; `failNext` makes the next transactions throw
 * (a database outage).
 */
export class InMemoryLedger implements CaseLedger {
  private data: LedgerData = { entries: [], cases: {}, tasks: [] };
  private failures = 0;
  transactions = 0;

  addCase(found: Partial<CaseEntity> & { id: string }): void {
    this.data.cases[found.id] = {
      channel: 'boards',
      occurredAt: new Date('2026-11-20T21:00:00Z'),
      summary: 'A disclosure',
      subjectExternalUserId: `user-${found.id}`,
      subjectAge: 15,
      subjectContact: { platformMessage: true },
      identifying: {},
      submittedBy: 'platform',
      status: 'AWAITING_ASSESSMENT',
      level: null,
      escalated: false,
      assessedBy: null,
      reviewDeadlineAt: null,
      ...found,
    } as CaseEntity;
  }

  failNext(times: number): void {
    this.failures = times;
  }

  entries(caseId: string): LedgerEntry[] {
    return this.data.entries.filter((e) => e.caseId === caseId);
  }

  caseRow(caseId: string): CaseEntity {
    return this.data.cases[caseId];
  }

  tasks(caseId: string): LedgerTask[] {
    return this.data.tasks.filter((t) => t.caseId === caseId);
  }

  async transaction<T>(work: (tx: CaseLedgerTx) => Promise<T>): Promise<T> {
    this.transactions++;
    if (this.failures > 0) {
      this.failures--;
      throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    }
    const copy = structuredClone(this.data);
    const result = await work(new InMemoryTx(copy));
    this.data = copy;
    return result;
  }
}

class InMemoryTx implements CaseLedgerTx {
  constructor(private readonly data: LedgerData) {}

  async append({ caseId, stepKey, actor, type, data }: AppendRequest): Promise<{ created: boolean }> {
    if (!this.data.cases[caseId]) throw new Error(`case ${caseId} does not exist`);
    if (this.data.entries.some((e) => e.caseId === caseId && e.stepKey === stepKey)) return { created: false };
    const seq = this.data.entries.filter((e) => e.caseId === caseId).length + 1;
    this.data.entries.push({ caseId, seq, stepKey, actor, type, data: structuredClone(data) });
    return { created: true };
  }

  async entryForStep(caseId: string, stepKey: string): Promise<LogEntry | undefined> {
    const found = this.data.entries.find((e) => e.caseId === caseId && e.stepKey === stepKey);
    if (!found) return undefined;
    const { seq, actor, type, data } = found;
    return { caseId, seq, actor, type, data, at: new Date(0).toISOString(), prevHash: '', hash: '' };
  }

  async findCase(caseId: string): Promise<CaseEntity | undefined> {
    return this.data.cases[caseId];
  }

  async updateCase(caseId: string, { reviewDeadlineAt, ...rest }: ReadModelChanges): Promise<void> {
    const deadline =
      reviewDeadlineAt === undefined ? {} : { reviewDeadlineAt: reviewDeadlineAt && new Date(reviewDeadlineAt) };
    Object.assign(this.data.cases[caseId], rest, deadline);
  }

  async openTask(caseId: string, task: TaskSpec): Promise<void> {
    if (this.data.tasks.some((t) => t.caseId === caseId && t.key === task.key)) return;
    this.data.tasks.push({ ...task, caseId, completed: false });
  }

  async completeTasks(caseId: string, keys: string[]): Promise<void> {
    for (const task of this.data.tasks) if (task.caseId === caseId && keys.includes(task.key)) task.completed = true;
  }
}
