// FROZEN with legacy/case.workflow.ts: replayed by cases started before `case-workflow-v2`. Never change it.
import type { AgencyReferral, ContactRoute, SubjectNotification } from '../../../libs/agencies/src/messages';
import type { Action, Agency, AssessmentInput, CaseStatus, CaseTimings, Level, PolicyOutput } from './case.types';

/** A task someone must do, opened (once, by key) alongside a log entry. */
export interface TaskSpec {
  key: string;
  kind: string;
  role: string;
  description: string;
  dueAt?: string;
}

/** One step of the case: a log entry plus the read-model changes that go with it, in one transaction. */
export interface StepRecord {
  caseId: string;
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

export type NotificationOutcome = { outcome: 'DELIVERED'; route: string } | { outcome: 'NOT_POSSIBLE' };

/** What to send the young person and by which route; or that they have no route (already logged). */
export type PreparedNotification =
  { outcome: 'SEND'; route: ContactRoute; notification: SubjectNotification } | { outcome: 'NOT_POSSIBLE' };

export interface PolicyEvaluation {
  input: Record<string, unknown>;
  output: PolicyOutput;
  /**
   * what an EMERGENCY on this disclosure carries (SPEC §2 rule 10), so a reviewer's override to EMERGENCY gets it too
   */
  emergencyActions: Action[];
}

/** The contract between the case workflow and the worker's activities; the worker implements it. */
export interface CaseActivities {
  loadTimings(): Promise<CaseTimings>;
  /** Appends `case.opened` to the case log (once, however often it is retried). */
  recordCaseOpened(input: { caseId: string }): Promise<void>;
  /** Evaluates the policy for the case's disclosure and this assessment. */
  evaluatePolicy(input: { caseId: string; assessment: AssessmentInput }): Promise<PolicyEvaluation>;
  recordStep(step: StepRecord): Promise<void>;
  /** Reads what the young person is to be told about one referral, and how; logs when there is no way to tell them. */
  prepareNotification(request: NotificationRequest): Promise<PreparedNotification>;
  /** Delivers a prepared notification and nothing else (no database): its attempts count delivery failures only. */
  deliverNotification(prepared: { route: ContactRoute; notification: SubjectNotification }): Promise<string>;
  /** Sends a referral through the agency's electronic route and nothing else; throws (to retry) when delivery fails. */
  deliverReferral(referral: AgencyReferral): Promise<string>;
  /**
   * Before delivery and bookkeeping were split (patch `deliveries-without-bookkeeping`): kept only for cases whose
   * history already calls them. A database outage spent their delivery attempts.
   */
  notifySubject(request: NotificationRequest): Promise<NotificationOutcome>;
  /** See notifySubject. */
  sendReferral(input: { caseId: string; agency: Agency }): Promise<{ route: string }>;
  /** Tells staff of a role that a case needs them (escalations, re-reviews). */
  notifyStaff(input: { caseId: string; role: string; key: string; message: string }): Promise<void>;
}
