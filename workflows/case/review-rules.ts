import { refuse } from './case-failures';
import type { Actor, CaseUpdate, ReviewInput } from './case-inputs';
import type { StepChecks } from './step-checks';
import type { CaseState, Decision } from './case.types';
import { REVIEW_ROLES } from './case-vocabulary';

/** SPEC §3.3: who may review, four eyes, and what an OVERRIDE, a decision not to refer or a deferral needs. */
export function checkReview(lifecycle: StepChecks, { actor, input }: CaseUpdate<ReviewInput>): void {
  lifecycle.requireStatus('AWAITING_REVIEW', 'review');
  const { state } = lifecycle;
  const level = state.recommendation!.level;
  lifecycle.requireRole(actor, REVIEW_ROLES[level]);
  if (actor.username === state.assessedBy)
    refuse('FORBIDDEN', 'Four eyes: the reviewer cannot be the person who made the assessment');
  if (input.decision === 'REQUEST_MORE_INFO') {
    if (!input.reason) refuse('INVALID', 'REQUEST_MORE_INFO needs a reason: say what the assessment is missing');
    return;
  }
  if (input.decision === 'OVERRIDE') checkOverride(input);
  const finalLevel = input.decision === 'OVERRIDE' ? input.level : level;
  if (finalLevel === 'NONE' && !input.reason)
    refuse('INVALID', 'A decision not to refer needs a reason, recorded as carefully as a decision to share');
  if (input.deferNotification) {
    if (finalLevel === 'NONE') refuse('INVALID', 'There is nothing to tell the young person when nothing is shared');
    if (!(Date.parse(input.deferNotification.reviewAt) > Date.now()))
      refuse('INVALID', 'deferNotification.reviewAt must be in the future');
  }
}

function checkOverride(input: ReviewInput): void {
  if (!input.reason) refuse('INVALID', 'An OVERRIDE needs a reason');
  if (!input.level) refuse('INVALID', 'An OVERRIDE needs the new level');
  const agencies = input.agencies ?? [];
  if (input.level === 'NONE' && agencies.length > 0) refuse('INVALID', 'Level NONE refers to no agency');
  if (input.level !== 'NONE' && agencies.length === 0)
    refuse('INVALID', 'An OVERRIDE that refers needs at least one agency');
}

/** The decision a valid APPROVE or OVERRIDE makes. */
export function decisionFrom(state: CaseState, actor: Actor, input: ReviewInput): Decision {
  const recommendation = state.recommendation!;
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
    level === 'EMERGENCY' ? [...new Set([...recommendation.actions, ...(state.emergencyActions ?? [])])] : [];
  return {
    kind: 'OVERRIDE',
    level,
    agencies: [...new Set(input.agencies ?? [])],
    actions,
    reason: input.reason,
    decidedBy: actor.username,
  };
}
