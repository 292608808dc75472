import { condition } from '@temporalio/workflow';
import { bookkeeping } from '../activities';
import type { CaseContext } from '../case-context';
import type {
  CaseUpdate,
  CheckInInput,
  FeedbackInput,
  InvolvementInput,
  NotificationReleaseInput,
} from '../case-inputs';
import { FEEDBACK_REQUESTS } from '../deadlines/feedback';
import { notificationRequest, tellYoungPerson } from './young-person';

/** SPEC §3.4: involvement can be recorded any number of times between review and closure. */
export async function involve({ state }: CaseContext, { actor, input }: CaseUpdate<InvolvementInput>): Promise<void> {
  const n = ++state.involvements;
  await bookkeeping.recordSteps({
    caseId: state.caseId,
    steps: [
      { stepKey: `involvement.recorded:${n}`, actor: actor.username, type: 'involvement.recorded', data: { ...input } },
    ],
  });
}

export async function completeCheckIn({ state }: CaseContext, { actor, input }: CaseUpdate<CheckInInput>) {
  await bookkeeping.recordSteps({
    caseId: state.caseId,
    steps: [
      {
        stepKey: 'checkin.completed',
        actor: actor.username,
        type: 'checkin.completed',
        data: { note: input.note },
        completeTasks: ['check-in'],
      },
    ],
  });
  state.checkIn!.completed = true;
}

export async function recordFeedback({ state, lifecycle }: CaseContext, { actor, input }: CaseUpdate<FeedbackInput>) {
  // After the request's task is opened, so this completes it.
  await condition(() => !lifecycle.isBusy(FEEDBACK_REQUESTS));
  await bookkeeping.recordSteps({
    caseId: state.caseId,
    steps: [
      {
        stepKey: `feedback.received:${input.agency}`,
        actor: actor.username,
        type: 'feedback.received',
        data: { agency: input.agency, feedback: input.feedback },
        completeTasks: [`feedback:${input.agency}`],
      },
    ],
  });
  state.feedback[input.agency] = 'RECEIVED';
}

/** A deferred notification at its re-review: defer it again, or release it and tell the young person now. */
export async function releaseNotification(context: CaseContext, update: CaseUpdate<NotificationReleaseInput>) {
  await context.sharing.run(() => decideRelease(context, update));
}

async function decideRelease(context: CaseContext, update: CaseUpdate<NotificationReleaseInput>): Promise<void> {
  const { state, background } = context;
  const { actor, input } = update;
  const previous = state.deferral!;
  const completeTasks = [`deferral-review:${previous.reviewAt}`];
  if (input.decision === 'EXTEND') {
    await bookkeeping.recordSteps({
      caseId: state.caseId,
      steps: [
        {
          stepKey: `notification.deferred:${input.reviewAt}`,
          actor: actor.username,
          type: 'notification.deferred',
          data: { reason: input.reason, reviewAt: input.reviewAt, extends: previous.reviewAt },
          completeTasks,
        },
      ],
    });
    state.deferral = { reason: input.reason!, reviewAt: input.reviewAt!, awaitingSupervisor: false };
    return;
  }
  const prepared = await bookkeeping.recordSteps({
    caseId: state.caseId,
    steps: [
      {
        stepKey: 'notification.released',
        actor: actor.username,
        type: 'notification.released',
        data: { reason: input.reason ?? null, deferredSince: previous.reviewAt },
        completeTasks,
      },
    ],
    prepare: state.heldNotifications.map((agency) => notificationRequest(state, agency)),
  });
  state.deferral = undefined;
  state.heldNotifications = [];
  for (const notification of prepared) background.run(() => tellYoungPerson(context, notification));
}
