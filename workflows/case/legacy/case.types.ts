/**
 * FROZEN with the rest of legacy/: the state and timings of cases that run the code from before
 * `case-workflow-v2`. The wire contract (what people submit) is shared with today's code in ../case.types.
 */
import type { Action, Agency, Level, PolicyOutput } from '../../../libs/policy/src/types';
import type { CaseUpdate } from '../case.types';

export type {
  Actor,
  AssessmentInput,
  CheckInInput,
  FeedbackInput,
  InvolvementInput,
  NotificationReleaseInput,
  ReferralInput,
  ReviewInput,
  StaffRole,
} from '../case.types';
export type { Action, Agency, Level, PolicyOutput };
export { CASE_FAILURES } from '../case-failures';

export type CaseStatus =
  'AWAITING_ASSESSMENT' | 'AWAITING_REVIEW' | 'AWAITING_REFERRAL' | 'AWAITING_FEEDBACK' | 'CLOSED';

/** Legacy code reads `actor` and `input` only; the envelope's case and request ids are checked by the guard. */
export type ActedInput<T> = CaseUpdate<T>;

export interface CaseWorkflowInput {
  caseId: string;
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

export interface CaseState {
  caseId: string;
  status: CaseStatus;
  round: number;
  assessedBy?: string;
  recommendation?: PolicyOutput;
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
  heldNotifications: Agency[];
}

export interface CaseTimings {
  reviewDeadlineMs: Record<Level, number>;
  checkInDelayMs: number;
  feedbackRequestDelayMs: number;
  feedbackWaitMs: number;
  delivery: { initialIntervalMs: number; maximumIntervalMs: number; maximumAttempts: number };
}
