// FROZEN with legacy/case.workflow.ts: replayed by cases started before `case-workflow-v2`. Never change it.
import { ApplicationFailure } from '@temporalio/workflow';
import type {
  ActedInput,
  Actor,
  AssessmentInput,
  CaseState,
  CaseStatus,
  CheckInInput,
  Decision,
  FeedbackInput,
  InvolvementInput,
  NotificationReleaseInput,
  ReferralInput,
  ReviewInput,
  StaffRole,
} from './case.types';
import { CASE_FAILURES } from './case.types';

function fail(type: keyof typeof CASE_FAILURES, message: string): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
}

/**
 * The case's state and the rules for which step may happen next. Update validators call the check*
 * methods, so a refused step never reaches the workflow history.
 */
export class CaseLifecycle {
  readonly state: CaseState;
  /** steps whose handler is still writing: a second submission of the same step waits its turn (409) */
  private readonly inFlight = new Set<string>();

  constructor(caseId: string) {
    this.state = {
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

  begin(step: string): void {
    this.inFlight.add(step);
  }

  end(step: string): void {
    this.inFlight.delete(step);
  }

  isBusy(step: string): boolean {
    return this.inFlight.has(step);
  }

  checkAssessment({ actor }: ActedInput<AssessmentInput>): void {
    this.requireRole(actor, ['officer']);
    this.requireStatus('AWAITING_ASSESSMENT', 'assessment');
  }

  checkReview({ actor, input }: ActedInput<ReviewInput>): void {
    this.requireStatus('AWAITING_REVIEW', 'review');
    const level = this.state.recommendation!.level;
    this.requireRole(actor, level === 'EMERGENCY' ? ['on_call', 'supervisor'] : ['supervisor']);
    if (actor.username === this.state.assessedBy)
      fail('FORBIDDEN', 'Four eyes: the reviewer cannot be the person who made the assessment');
    if (input.decision === 'REQUEST_MORE_INFO') {
      if (!input.reason) fail('INVALID', 'REQUEST_MORE_INFO needs a reason: say what the assessment is missing');
      return;
    }
    if (input.decision === 'OVERRIDE') {
      if (!input.reason) fail('INVALID', 'An OVERRIDE needs a reason');
      if (!input.level) fail('INVALID', 'An OVERRIDE needs the new level');
      if (input.level === 'NONE' ? (input.agencies ?? []).length > 0 : !(input.agencies ?? []).length) {
        fail(
          'INVALID',
          input.level === 'NONE'
            ? 'Level NONE refers to no agency'
            : 'An OVERRIDE that refers needs at least one agency',
        );
      }
    }
    const finalLevel = input.decision === 'OVERRIDE' ? input.level : level;
    if (finalLevel === 'NONE' && !input.reason)
      fail('INVALID', 'A decision not to refer needs a reason, recorded as carefully as a decision to share');
    if (input.deferNotification) {
      if (finalLevel === 'NONE') fail('INVALID', 'There is nothing to tell the young person when nothing is shared');
      const at = Date.parse(input.deferNotification.reviewAt);
      if (!(at > Date.now())) fail('INVALID', 'deferNotification.reviewAt must be in the future');
    }
  }

  /** The decision a valid APPROVE or OVERRIDE makes. */
  decisionFrom(actor: Actor, input: ReviewInput): Decision {
    const recommendation = this.state.recommendation!;
    if (input.decision === 'APPROVE') {
      return {
        kind: 'APPROVE',
        level: recommendation.level,
        agencies: [...recommendation.agencies],
        actions: [...recommendation.actions],
        reason: input.reason,
        decidedBy: actor.username,
      };
    }
    const level = input.level!;
    // Actions such as leaving a group-chat room follow an emergency, whoever decided it.
    const actions =
      level === 'EMERGENCY' ? [...new Set([...recommendation.actions, ...(this.state.emergencyActions ?? [])])] : [];
    return {
      kind: 'OVERRIDE',
      level,
      agencies: [...new Set(input.agencies ?? [])],
      actions,
      reason: input.reason,
      decidedBy: actor.username,
    };
  }

  checkInvolvement({ actor }: ActedInput<InvolvementInput>): void {
    this.requireRole(actor, ['officer']);
    this.requireStatus(['AWAITING_REFERRAL', 'AWAITING_FEEDBACK'], 'involvement');
  }

  checkReferral({ actor, input }: ActedInput<ReferralInput>): void {
    this.requireRole(actor, ['officer']);
    this.requireStatus('AWAITING_REFERRAL', 'referral');
    const decision = this.state.decision!;
    if (!decision.agencies.includes(input.agency))
      fail(
        'NOT_CURRENT_STEP',
        `The decision does not refer to ${input.agency}; it refers to ${decision.agencies.join(', ')}`,
      );
    if (this.state.referred.includes(input.agency) || this.isBusy(`referral:${input.agency}`))
      fail('NOT_CURRENT_STEP', `The referral to ${input.agency} is already recorded`);
    if (
      decision.actions.includes('REMOVE_FROM_ROOM') &&
      !this.state.roomRemovalRecorded &&
      this.state.referred.length === 0 &&
      input.removedFromRoom !== true
    ) {
      fail(
        'INVALID',
        'This group-chat emergency needs the removal from the room confirmed: send removedFromRoom: true with the first referral',
      );
    }
  }

  checkCheckIn({ actor }: ActedInput<CheckInInput>): void {
    this.requireRole(actor, ['officer']);
    if (!this.state.checkIn || this.state.checkIn.completed || this.isBusy('check-in'))
      fail('NOT_CURRENT_STEP', 'This case has no open check-in');
  }

  checkFeedback({ actor, input }: ActedInput<FeedbackInput>): void {
    this.requireRole(actor, ['officer']);
    this.requireStatus('AWAITING_FEEDBACK', 'feedback');
    const state = this.state.feedback[input.agency];
    if (state !== 'AWAITING' && state !== 'REQUESTED')
      fail('NOT_CURRENT_STEP', `No feedback is awaited from ${input.agency}`);
    if (this.isBusy(`feedback:${input.agency}`))
      fail('NOT_CURRENT_STEP', `Feedback from ${input.agency} is already being recorded`);
  }

  checkRelease({ actor, input }: ActedInput<NotificationReleaseInput>): void {
    this.requireRole(actor, ['supervisor']);
    if (!this.state.deferral || this.isBusy('release'))
      fail('NOT_CURRENT_STEP', 'No notification is deferred on this case');
    if (input.decision === 'EXTEND') {
      if (!input.reason) fail('INVALID', 'Extending a deferral needs a reason');
      if (!input.reviewAt || !(Date.parse(input.reviewAt) > Date.now()))
        fail('INVALID', 'Extending a deferral needs a reviewAt in the future');
    }
  }

  private requireRole(actor: Actor, roles: StaffRole[]): void {
    if (!roles.some((role) => actor.roles.includes(role))) fail('FORBIDDEN', `This step is for ${roles.join(' or ')}`);
  }

  private requireStatus(expected: CaseStatus | CaseStatus[], step: string): void {
    const allowed = Array.isArray(expected) ? expected : [expected];
    if (!allowed.includes(this.state.status) || this.isBusy(step)) {
      fail(
        'NOT_CURRENT_STEP',
        `The case is ${this.state.status}${this.isBusy(step) ? ` and its ${step} is being recorded` : ''}; ${step} is not its current step`,
      );
    }
  }
}
