import type { AcknowledgeInput } from '../paging/paging.types';
import { refuse } from './case-failures';
import type {
  Actor,
  AssessmentInput,
  CaseUpdate,
  CheckInInput,
  FeedbackInput,
  InvolvementInput,
  NotificationReleaseInput,
  ReferralInput,
  ReviewInput,
} from './case-inputs';
import type { CaseState, Decision } from './case.types';
import { DEFERRAL_REVIEW_ROLES, OFFICER_ROLES, REVIEW_ROLES } from './case-vocabulary';
import { checkReferral } from './referral-rules';
import { checkReview, decisionFrom } from './review-rules';
import { StepChecks } from './step-checks';

/** A new case, as intake opens it. */
export function openingState(caseId: string): CaseState {
  return {
    caseId,
    status: 'AWAITING_ASSESSMENT',
    round: 1,
    escalations: 0,
    referred: [],
    feedback: {},
    roomRemovalRecorded: false,
    involvements: 0,
    heldNotifications: [],
  };
}

/**
 * The case's state and the rules for which step may happen next. Update validators call the check* methods, so a
 * refused step never reaches the workflow history.
 */
export class CaseLifecycle extends StepChecks {
  checkAssessment({ actor }: CaseUpdate<AssessmentInput>): void {
    this.requireRole(actor, OFFICER_ROLES);
    this.requireStatus('AWAITING_ASSESSMENT', 'assessment');
  }

  checkReview(update: CaseUpdate<ReviewInput>): void {
    checkReview(this, update);
  }

  /** The decision a valid APPROVE or OVERRIDE makes. */
  decisionFrom(actor: Actor, input: ReviewInput): Decision {
    return decisionFrom(this.state, actor, input);
  }

  /** Who may say "I have it": whoever may take the waiting review, while it is not being decided. */
  checkAcknowledge({ actor }: CaseUpdate<AcknowledgeInput>): void {
    this.requireStatus('AWAITING_REVIEW', 'review');
    this.requireRole(actor, REVIEW_ROLES[this.state.recommendation!.level]);
    if (actor.username === this.state.assessedBy)
      refuse('FORBIDDEN', 'Four eyes: the assessor cannot take the review of their own assessment');
  }

  checkInvolvement({ actor }: CaseUpdate<InvolvementInput>): void {
    this.requireRole(actor, OFFICER_ROLES);
    this.requireStatus(['AWAITING_REFERRAL', 'AWAITING_FEEDBACK'], 'involvement');
  }

  checkReferral(update: CaseUpdate<ReferralInput>): void {
    checkReferral(this, update);
  }

  checkCheckIn({ actor }: CaseUpdate<CheckInInput>): void {
    this.requireRole(actor, OFFICER_ROLES);
    if (!this.state.checkIn || this.state.checkIn.completed || this.isBusy('check-in'))
      refuse('NOT_CURRENT_STEP', 'This case has no open check-in');
  }

  checkFeedback({ actor, input }: CaseUpdate<FeedbackInput>): void {
    this.requireRole(actor, OFFICER_ROLES);
    this.requireStatus('AWAITING_FEEDBACK', 'feedback');
    const state = this.state.feedback[input.agency];
    if (state !== 'AWAITING' && state !== 'REQUESTED')
      refuse('NOT_CURRENT_STEP', `No feedback is awaited from ${input.agency}`);
    if (this.isBusy(`feedback:${input.agency}`))
      refuse('NOT_CURRENT_STEP', `Feedback from ${input.agency} is already being recorded`);
  }

  checkRelease({ actor, input }: CaseUpdate<NotificationReleaseInput>): void {
    this.requireRole(actor, DEFERRAL_REVIEW_ROLES);
    if (!this.state.deferral || this.isBusy('release'))
      refuse('NOT_CURRENT_STEP', 'No notification is deferred on this case');
    if (input.decision === 'EXTEND') {
      if (!input.reason) refuse('INVALID', 'Extending a deferral needs a reason');
      if (!input.reviewAt || !(Date.parse(input.reviewAt) > Date.now()))
        refuse('INVALID', 'Extending a deferral needs a reviewAt in the future');
    }
  }
}
