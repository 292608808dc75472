/**
 * Types shared by the case workflow, its activities and the API. Plain data only: this runs in the workflow sandbox.
 */
import type { Action, Agency, Level, PolicyOutput } from '../../libs/policy/src/types';

export type { Action, Agency, Level, PolicyOutput };

export type CaseStatus =
  'AWAITING_ASSESSMENT' | 'AWAITING_REVIEW' | 'AWAITING_REFERRAL' | 'AWAITING_FEEDBACK' | 'CLOSED';

export const STAFF_ROLES = ['officer', 'on_call', 'supervisor', 'auditor', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Who is acting: every update names its actor, and the log records it. */
export interface Actor {
  username: string;
  roles: StaffRole[];
}

/** Ids, never documents: the disclosure itself stays in PostgreSQL, out of workflow history. */
export interface CaseWorkflowInput {
  caseId: string;
}

export const CASE_WORKFLOW_TYPE = 'caseWorkflow';

export function caseWorkflowId(caseId: string): string {
  return `case-${caseId}`;
}

// ---- What people submit (validated at the HTTP edge, checked against the lifecycle in the workflow) ----

export interface AssessmentInput {
  age?: number;
  adultAtRisk: boolean;
  indicators: string[];
  declaredSafe: boolean;
  informationComplete: boolean;
  hasSocialWorker: boolean;
  notes: string;
}

export type ReviewDecisionKind = 'APPROVE' | 'OVERRIDE' | 'REQUEST_MORE_INFO';

export interface ReviewInput {
  decision: ReviewDecisionKind;
  level?: Level;
  agencies?: Agency[];
  reason?: string;
  /** Hold back telling the young person (it could put them at risk) until a supervisor re-reviews. */
  deferNotification?: { reason: string; reviewAt: string };
}

export const INVOLVEMENT_OUTCOMES = ['AGREED', 'INFORMED_NOT_AGREED', 'NOT_POSSIBLE'] as const;
export interface InvolvementInput {
  outcome: (typeof INVOLVEMENT_OUTCOMES)[number];
  agreedFields?: string[];
  note: string;
}

/** SPEC §3.5: the only fields that may ever be shared with an agency. */
export const SHAREABLE_FIELDS = [
  'name',
  'dateOfBirth',
  'phone',
  'email',
  'address',
  'location',
  'ipAddress',
  'concernSummary',
] as const;
export type ShareableField = (typeof SHAREABLE_FIELDS)[number];
export const REFERRAL_METHODS = ['PHONE', 'SECURE_EMAIL', 'PORTAL'] as const;

export interface ReferralInput {
  agency: Agency;
  method: (typeof REFERRAL_METHODS)[number];
  sharedData: Partial<Record<ShareableField, string>>;
  agencyReference?: string;
  /** group-chat emergencies: the officer confirms the young person was removed from the room */
  removedFromRoom?: boolean;
}

export interface CheckInInput {
  note: string;
}

export interface FeedbackInput {
  agency: Agency;
  feedback: string;
}

export interface NotificationReleaseInput {
  decision: 'RELEASE' | 'EXTEND';
  reason?: string;
  reviewAt?: string;
}

export interface ActedInput<T> {
  actor: Actor;
  input: T;
}

// ---- What the workflow knows ----

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
}

/** Delays from configuration, read once when the workflow starts (and so recorded in its history). */
export interface CaseTimings {
  reviewDeadlineMs: Record<Level, number>;
  checkInDelayMs: number;
  feedbackRequestDelayMs: number;
  feedbackWaitMs: number;
  delivery: { initialIntervalMs: number; maximumIntervalMs: number; maximumAttempts: number };
}

/** Failure types the API maps to HTTP statuses. */
export const CASE_FAILURES = {
  NOT_CURRENT_STEP: 'NOT_CURRENT_STEP', // 409
  FORBIDDEN: 'FORBIDDEN', // 403
  INVALID: 'INVALID', // 400
} as const;
