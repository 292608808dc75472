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
  readModel?: { status?: CaseStatus; level?: Level; escalated?: boolean; assessedBy?: string | null; reviewDeadlineAt?: string | null };
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

export interface PolicyEvaluation {
  input: Record<string, unknown>;
  output: PolicyOutput;
  /** what an EMERGENCY on this disclosure carries (SPEC §2 rule 10), so a reviewer's override to EMERGENCY gets it too */
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
  /** Tells the young person about one referral through their contact route; throws (to retry) when delivery fails. */
  notifySubject(request: NotificationRequest): Promise<NotificationOutcome>;
  /** Sends a referral through the agency's electronic route; throws (to retry) when delivery fails. */
  sendReferral(input: { caseId: string; agency: Agency }): Promise<{ route: string }>;
  /** Tells staff of a role that a case needs them (escalations, re-reviews). */
  notifyStaff(input: { caseId: string; role: string; key: string; message: string }): Promise<void>;
}
