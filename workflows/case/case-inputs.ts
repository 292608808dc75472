/**
 * What people submit, as the workflow receives it: validated at the HTTP edge, checked against the lifecycle by the
 * update validators. Every update travels in one envelope (`CaseUpdate`) inside its encrypted payload.
 */
import type { Agency, Level } from '../../libs/policy/src/types';
import type {
  INVOLVEMENT_OUTCOMES,
  REFERRAL_METHODS,
  ReleaseDecision,
  ReviewDecisionKind,
  ShareableField,
  StaffRole,
} from './case-vocabulary';

/** Who is acting: the API's authenticated principal, never a value a client chooses. */
export interface Actor {
  username: string;
  roles: StaffRole[];
}

/**
 * One step sent to one case. `caseId` binds the payload to its case and `requestId` (also Temporal's update id) makes
 * it usable once: a captured payload can be replayed neither into another case nor into the same one.
 */
export interface CaseUpdate<T> {
  caseId: string;
  requestId: string;
  actor: Actor;
  input: T;
}

export interface AssessmentInput {
  age?: number;
  adultAtRisk: boolean;
  indicators: string[];
  declaredSafe: boolean;
  informationComplete: boolean;
  hasSocialWorker: boolean;
  notes: string;
}

export interface ReviewInput {
  decision: ReviewDecisionKind;
  level?: Level;
  agencies?: Agency[];
  reason?: string;
  /** Hold back telling the young person (it could put them at risk) until a supervisor re-reviews. */
  deferNotification?: { reason: string; reviewAt: string };
}

export interface InvolvementInput {
  outcome: (typeof INVOLVEMENT_OUTCOMES)[number];
  agreedFields?: string[];
  note: string;
}

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
  decision: ReleaseDecision;
  reason?: string;
  reviewAt?: string;
}
