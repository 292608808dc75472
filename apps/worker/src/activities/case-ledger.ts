import type { AppendRequest, LogEntry } from '@sg/case-log';
import type { CaseEntity } from '@sg/persistence';
import type { StepRecord, TaskSpec } from '@sg/workflows/case/case.activities';

export type ReadModelChanges = NonNullable<StepRecord['readModel']>;

/** What the bookkeeping activities do to the database, within one transaction. */
export interface CaseLedgerTx {
  /** Appends once per (case, step key); `created` is false when a retry finds the entry already written. */
  append(request: AppendRequest): Promise<{ created: boolean }>;
  entryForStep(caseId: string, stepKey: string): Promise<LogEntry | undefined>;
  findCase(caseId: string): Promise<CaseEntity | undefined>;
  updateCase(caseId: string, changes: ReadModelChanges): Promise<void>;
  /** Opens a task once by key; a second open of the same key changes nothing. */
  openTask(caseId: string, task: TaskSpec): Promise<void>;
  completeTasks(caseId: string, keys: string[]): Promise<void>;
}

/** The case log, the read model and the tasks, written together or not at all. */
export interface CaseLedger {
  transaction<T>(work: (tx: CaseLedgerTx) => Promise<T>): Promise<T>;
}
