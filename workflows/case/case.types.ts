/**
 * Types shared by the case workflow, its activities and the API. Plain data only: this runs in the workflow sandbox.
 */
import type { Action, Agency, Level, PolicyOutput } from '../../libs/policy/src/types';
import type { PageLevel } from '../paging/paging.types';
import type { CaseStatus } from './case-vocabulary';

export type { Action, Agency, Level, PolicyOutput };
export * from './case-vocabulary';
export type * from './case-inputs';
export { CASE_FAILURES } from './case-failures';

export const CASE_WORKFLOW_TYPE = 'caseWorkflow';

export function caseWorkflowId(caseId: string): string {
  return `case-${caseId}`;
}

/** Delays from configuration, read by the API when it starts the case (and so kept, encrypted, in its history). */
export interface CaseTimings {
  reviewDeadlineMs: Record<Level, number>;
  checkInDelayMs: number;
  feedbackRequestDelayMs: number;
  feedbackWaitMs: number;
  delivery: { initialIntervalMs: number; maximumIntervalMs: number; maximumAttempts: number };
  /** History length past which an escalating review continues as new (CASE_HISTORY_EVENTS_LIMIT; default 2,000) */
  historyEventsLimit?: number;
  /** PAGE_ACK_TIMEOUT; absent in cases started before paging, which then wait the default (two minutes) */
  pageAckTimeoutMs?: number;
}

/** Ids, never documents: the disclosure itself stays in PostgreSQL, out of workflow history. */
export interface CaseWorkflowInput {
  caseId: string;
  /** Absent only for cases started by an API from before timings were passed at start: then they are loaded. */
  timings?: CaseTimings;
  /**
   * A later run of a case already open (continue-as-new, or an operator's resume): the state to carry on from.
   * Never carried by the runs older histories replay, so those take the path they always took.
   */
  carried?: CarriedCase;
  /** An operator's resume of a case whose workflow had stopped: logged by the new run as its first step. */
  resumedFrom?: ResumedFrom;
}

export interface CarriedCase {
  state: CaseState;
  /** request ids already spent on the case (continue-as-new carries them; a resume starts without) */
  usedRequestIds: string[];
}

export interface ResumedFrom {
  /** the run that stopped; absent when the case had no workflow at all */
  runId?: string;
  /** how it ended, as Temporal describes it (TERMINATED, FAILED, TIMED_OUT, …, or MISSING) */
  workflowStatus: string;
  /** the supervisor or admin who resumed it */
  by: string;
}

export interface Decision {
  kind: 'APPROVE' | 'OVERRIDE';
  level: Level;
  agencies: Agency[];
  actions: Action[];
  reason?: string;
  decidedBy: string;
}

export type FeedbackState = 'AWAITING' | 'REQUESTED' | 'RECEIVED' | 'NOT_RECEIVED';

/** What the workflow knows about its case: plain data, so a new run could carry it on. */
export interface CaseState {
  caseId: string;
  status: CaseStatus;
  /** 1 for the first assessment; REQUEST_MORE_INFO starts another round */
  round: number;
  assessedBy?: string;
  recommendation?: PolicyOutput;
  /** the actions any EMERGENCY decision on this case carries (group chat) */
  emergencyActions?: Action[];
  reviewDeadline?: string;
  escalations: number;
  decision?: Decision;
  referred: Agency[];
  feedback: Partial<Record<Agency, FeedbackState>>;
  roomRemovalRecorded: boolean;
  involvements: number;
  checkIn?: { dueAt: string; completed: boolean };
  deferral?: { reason: string; reviewAt: string; awaitingSupervisor: boolean };
  /** referrals whose notification waits for a deferral to be released */
  heldNotifications: Agency[];
  /** the on-call paging of an EMERGENCY review (SPEC §7): the level being paged this round, and who has it */
  paging?: PagingState;
}

export interface PagingState {
  round: number;
  level: PageLevel;
  /** who acknowledged at this level: its repeats stop */
  acknowledgedBy: string[];
  /** the repeat the next page at this level carries; absent in states carried before it was kept */
  nextRepeat?: number;
}
