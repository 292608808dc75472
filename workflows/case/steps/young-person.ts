import { attempt, bookkeeping, staffNotices } from '../activities';
import type { NotificationRequest, PreparedNotification } from '../case.activities';
import type { CaseContext } from '../case-context';
import type { Agency, CaseState } from '../case.types';
import { pagingOn } from '../patches';
import { reasonForSharing } from '../plain-words';

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
  const { state, deliveries, timings } = context;
  if (prepared.outcome === 'NOT_POSSIBLE') return;
  const { agency, route, notification, to } = prepared;
  const sent = await attempt(() => deliveries.deliverNotification({ route, notification, ...(to ? { to } : {}) }));
  const step =
    sent !== undefined
      ? {
          stepKey: `subject.notified:${agency}`,
          actor: 'system',
          type: 'subject.notified',
          data: { agency, route: sent, sentAt: notification.sentAt },
        }
      : {
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
        };
  await bookkeeping.recordSteps({ caseId: state.caseId, steps: [step] });
  if (sent === undefined && pagingOn(context))
    await staffNotices.notifyStaff({
      caseId: state.caseId,
      role: 'officer',
      key: `notification-failed:${agency}`,
      message: 'Telling a young person about a referral failed: tell them another way',
    });
}
