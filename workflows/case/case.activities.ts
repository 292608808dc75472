import type { AgencyReferral, ContactRoute, SubjectNotification } from '../../libs/agencies/src/messages';
import type { AssessmentInput } from './case-inputs';
import type { Action, Agency, CaseStatus, CaseTimings, Level, PolicyOutput } from './case.types';

/** The result of the legacy `notifySubject` activity, which the worker keeps for cases from before v2. */
export type { NotificationOutcome } from './legacy/case.activities';

/** A task someone must do, opened (once, by key) alongside a log entry. */
export interface TaskSpec {
  key: string;
  kind: string;
  role: string;
  description: string;
  dueAt?: string;
}

/** One step of the case: a log entry plus the read-model changes and tasks that go with it. */
export interface StepRecord {
  /** business identity of the step: a retry with the same key changes nothing */
  stepKey: string;
  actor: string;
  type: string;
  data: Record<string, unknown>;
  readModel?: {
    status?: CaseStatus;
    level?: Level;
    escalated?: boolean;
    assessedBy?: string | null;
    reviewDeadlineAt?: string | null;
  };
  openTasks?: TaskSpec[];
  /** keys of tasks this step completes */
  completeTasks?: string[];
}

export interface NotificationRequest {
  caseId: string;
  agency: Agency;
  level: Level;
  reason: string;
}

/** What to send the young person and by which route; or that they have no route (already logged). */
export type PreparedNotification =
  /** `to`: the email address or phone number an email or SMS goes to (encrypted, like every payload) */
  | { outcome: 'SEND'; agency: Agency; route: ContactRoute; notification: SubjectNotification; to?: string }
  | { outcome: 'NOT_POSSIBLE'; agency: Agency };

export interface AssessmentRequest {
  caseId: string;
  round: number;
  actor: string;
  assessment: AssessmentInput;
  /** the review deadline of each level, from when the assessment was submitted (`submittedAt`) */
  reviewDeadlineMs: Record<Level, number>;
  submittedAt: string;
}

export interface AssessmentRecord {
  recommendation: PolicyOutput;
  /** what an EMERGENCY on this disclosure carries (SPEC §2 rule 10), so an override to EMERGENCY gets it too */
  emergencyActions: Action[];
  reviewDeadline: string;
}

/**
 * The contract between the case workflow and the worker. Bookkeeping (the first four) runs as local activities that
 * retry without limit and are idempotent by step key; deliveries are ordinary activities with limited attempts, which
 * write nothing until the delivery has gone out, and hand a failed write to the workflow rather than retry it, so an
 * outage of the database never spends them.
 */
export interface CaseActivities {
  /** Only for a case started without timings (by an older API). */
  loadTimings(): Promise<CaseTimings>;
  /** Appends `case.opened`. */
  recordCaseOpened(input: { caseId: string }): Promise<void>;
  /** Evaluates the policy and records the assessment, the evaluation and the review request, in one transaction. */
  recordAssessment(request: AssessmentRequest): Promise<AssessmentRecord>;
  /** Records steps in one transaction, in order, then prepares what to tell the young person about referrals. */
  recordSteps(input: {
    caseId: string;
    steps: StepRecord[];
    prepare?: NotificationRequest[];
  }): Promise<PreparedNotification[]>;
  /** Delivers a prepared notification and nothing else: its attempts count delivery failures only. */
  deliverNotification(prepared: {
    route: ContactRoute;
    notification: SubjectNotification;
    to?: string;
  }): Promise<string>;
  /** Sends a referral through the agency's electronic route and nothing else. */
  deliverReferral(referral: AgencyReferral): Promise<string>;
  /**
   * Since `case-workflow-v3`: delivers a notification and writes `subject.notified`, in one activity; one delivered
   * but not logged fails with DELIVERED_NOT_RECORDED (workflows/case/delivery-records.ts).
   */
  deliverNotificationAndRecord(prepared: {
    route: ContactRoute;
    notification: SubjectNotification;
    to?: string;
  }): Promise<string>;
  /** Since `case-workflow-v3`: sends a referral and writes `referral.sent`, in one activity, likewise. */
  deliverReferralAndRecord(referral: AgencyReferral): Promise<string>;
  /** Tells staff of a role that a case needs them (escalations, re-reviews, check-ins). */
  notifyStaff(input: { caseId: string; role: string; key: string; message: string }): Promise<void>;
}
