import type { AgencyReferral, SubjectNotification } from '../../../libs/agencies/src/messages';
import type { StepRecord } from '../case.activities';

/**
 * The log entry of a delivery that went out: written by the activity that delivered it, or by the workflow when
 * that activity could not write it. Plain data only: this runs in the workflow sandbox too.
 */
export function subjectNotifiedStep(notification: SubjectNotification, route: string): StepRecord {
  const { agency, sentAt } = notification;
  return {
    stepKey: `subject.notified:${agency}`,
    actor: 'system',
    type: 'subject.notified',
    data: { agency, route, sentAt },
  };
}

export function referralSentStep({ agency }: AgencyReferral, route: string): StepRecord {
  return { stepKey: `referral.sent:${agency}`, actor: 'system', type: 'referral.sent', data: { agency, route } };
}
