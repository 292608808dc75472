import { refuse } from './case-failures';
import type { CaseUpdate, ReferralInput } from './case-inputs';
import type { StepChecks } from './step-checks';
import { OFFICER_ROLES, SHAREABLE_FIELDS } from './case-vocabulary';

/**
 * SPEC §3.5: a referral goes to an agency of the decision, once, sharing only the allowed fields; a group-chat
 * emergency's first referral confirms the removal from the room.
 */
export function checkReferral(lifecycle: StepChecks, { actor, input }: CaseUpdate<ReferralInput>): void {
  lifecycle.requireRole(actor, OFFICER_ROLES);
  lifecycle.requireStatus('AWAITING_REFERRAL', 'referral');
  const { state } = lifecycle;
  const decision = state.decision!;
  if (!decision.agencies.includes(input.agency))
    refuse(
      'NOT_CURRENT_STEP',
      `The decision does not refer to ${input.agency}; it refers to ${decision.agencies.join(', ')}`,
    );
  if (state.referred.includes(input.agency) || lifecycle.isBusy(`referral:${input.agency}`))
    refuse('NOT_CURRENT_STEP', `The referral to ${input.agency} is already recorded`);
  checkSharedFields(input.sharedData);
  if (
    decision.actions.includes('REMOVE_FROM_ROOM') &&
    !state.roomRemovalRecorded &&
    state.referred.length === 0 &&
    input.removedFromRoom !== true
  ) {
    refuse(
      'INVALID',
      'This group-chat emergency needs the removal from the room confirmed: send removedFromRoom: true with the first referral',
    );
  }
}

/** The API refuses other fields too; this holds for any sender, so nothing outside the list reaches the log. */
export function checkSharedFields(sharedData: unknown): void {
  if (typeof sharedData !== 'object' || sharedData === null || Array.isArray(sharedData))
    refuse('INVALID', 'sharedData must be an object of the fields shared');
  const fields = Object.keys(sharedData);
  const refused = fields.filter((field) => !(SHAREABLE_FIELDS as readonly string[]).includes(field));
  if (refused.length > 0)
    refuse('INVALID', `Only ${SHAREABLE_FIELDS.join(', ')} may be shared; refused: ${refused.join(', ')}`);
  if (fields.length === 0) refuse('INVALID', 'sharedData must name at least one field shared');
  if (!Object.values(sharedData).every((value) => typeof value === 'string' && value.length > 0))
    refuse('INVALID', 'Each shared field must be a non-empty text');
}
