import { bookkeeping } from '../activities';
import type { StepRecord } from '../case.activities';
import type { CaseContext } from '../case-context';
import type { CaseUpdate, ReferralInput } from '../case-inputs';
import { reasonForSharing } from '../plain-words';
import { remindOfCheckIn } from '../deadlines/check-in-reminder';
import { deliverReferral } from './referral-delivery';
import { notificationRequest, tellYoungPerson } from './young-person';

/**
 * SPEC §3.5: the referral as shared (with the room removal and check-in of a group-chat emergency) in one
 * transaction, then in the background its electronic delivery and telling the young person, unless deferred.
 */
export async function refer(context: CaseContext, update: CaseUpdate<ReferralInput>): Promise<void> {
  await context.sharing.run(() => recordReferral(context, update));
}

async function recordReferral(context: CaseContext, { actor, input }: CaseUpdate<ReferralInput>): Promise<void> {
  const { state, timings, background } = context;
  const decision = state.decision!;
  const steps: StepRecord[] = [];
  const removal = input.removedFromRoom && decision.actions.includes('REMOVE_FROM_ROOM') && !state.roomRemovalRecorded;
  if (removal) {
    steps.push({
      stepKey: 'room.removed',
      actor: actor.username,
      type: 'room.removed',
      data: { channel: 'group_chat' },
    });
  }
  const last = decision.agencies.every((a) => a === input.agency || state.referred.includes(a));
  steps.push({
    stepKey: `referral.recorded:${input.agency}`,
    actor: actor.username,
    type: 'referral.recorded',
    data: {
      agency: input.agency,
      method: input.method,
      agencyReference: input.agencyReference ?? null,
      sharedData: input.sharedData,
      level: decision.level,
      reason: reasonForSharing(decision.level),
    },
    readModel: last ? { status: 'AWAITING_FEEDBACK' } : undefined,
  });
  const checkIn = decision.actions.includes('NEXT_DAY_CHECK_IN') && !state.checkIn;
  const dueAt = new Date(Date.now() + timings.checkInDelayMs).toISOString();
  if (checkIn) steps.push(checkInStep(actor.username, dueAt));
  // Decided before the write: a release cannot run meanwhile (context.sharing), so this stays true until after it.
  const held = state.deferral !== undefined;
  const prepare = held ? [] : [notificationRequest(state, input.agency)];
  const prepared = await bookkeeping.recordSteps({ caseId: state.caseId, steps, prepare });

  if (removal) state.roomRemovalRecorded = true;
  state.referred.push(input.agency);
  state.feedback[input.agency] = 'AWAITING';
  if (last) state.status = 'AWAITING_FEEDBACK';
  if (checkIn) {
    state.checkIn = { dueAt, completed: false };
    background.run(() => remindOfCheckIn(context));
  }
  if (input.method !== 'PHONE') background.run(() => deliverReferral(context, input, decision.level));
  if (held) state.heldNotifications.push(input.agency);
  for (const notification of prepared) background.run(() => tellYoungPerson(context, notification));
}

function checkInStep(actor: string, dueAt: string): StepRecord {
  return {
    stepKey: 'checkin.due',
    actor,
    type: 'checkin.due',
    data: { dueAt },
    openTasks: [
      {
        key: 'check-in',
        kind: 'CHECK_IN',
        role: 'officer',
        description: 'Check in with the young person after their removal from the group chat',
        dueAt,
      },
    ],
  };
}
