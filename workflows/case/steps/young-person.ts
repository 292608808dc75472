import { bookkeeping, staffNotices } from '../activities';
import type { NotificationRequest, PreparedNotification, StepRecord } from '../case.activities';
import type { CaseContext } from '../case-context';
import type { Agency, CaseState } from '../case.types';
import { deliverAndLog } from '../delivery-records';
import { pagingOn } from '../patches';
import { reasonForSharing } from '../plain-words';
import { subjectNotifiedStep } from './delivery-steps';

/** What the young person is told about the referral to `agency` (SPEC §3.6). */
export function notificationRequest(state: CaseState, agency: Agency): NotificationRequest {
  const level = state.decision!.level;
  return { caseId: state.caseId, agency, level, reason: reasonForSharing(level) };
}

/**
 * Delivers a prepared notification (limited attempts) and records the outcome (without limit): told, or a task for an
 * officer to tell them another way. A young person with no contact route was already logged as such.
 */
export async function tellYoungPerson(context: CaseContext, prepared: PreparedNotification): Promise<void> {
  if (prepared.outcome === 'NOT_POSSIBLE') return;
  const { state, deliveries } = context;
  const { agency, route, notification, to } = prepared;
  const delivery = { route, notification, ...(to ? { to } : {}) };
  const record = async (step: StepRecord) => {
    await bookkeeping.recordSteps({ caseId: state.caseId, steps: [step] });
  };
  const sent = await deliverAndLog(
    context.version,
    {
      together: () => deliveries.deliverNotificationAndRecord(delivery),
      apart: () => deliveries.deliverNotification(delivery),
    },
    (route) => record(subjectNotifiedStep(notification, route)),
  );
  if (sent === undefined) await notificationFailed(context, agency, record);
}

/** Every attempt failed: a task for an officer to tell them another way, and an alert to officers. */
async function notificationFailed(
  context: CaseContext,
  agency: Agency,
  record: (step: StepRecord) => Promise<void>,
): Promise<void> {
  const { state, timings } = context;
  await record({
    stepKey: `subject.notification_failed:${agency}`,
    actor: 'system',
    type: 'subject.notification_failed',
    data: { agency, attempts: timings.delivery.maximumAttempts },
    openTasks: [
      {
        key: `notification-failed:${agency}`,
        kind: 'NOTIFICATION_FAILED',
        role: 'officer',
        description: `Tell the young person about the referral to ${agency} another way: delivery failed`,
      },
    ],
  });
  if (pagingOn(context))
    await staffNotices.notifyStaff({
      caseId: state.caseId,
      role: 'officer',
      key: `notification-failed:${agency}`,
      message: 'Telling a young person about a referral failed: tell them another way',
    });
}
