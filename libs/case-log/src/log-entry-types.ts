/** Entry types of SPEC §4. */
export const LOG_ENTRY_TYPES = [
  'case.opened',
  'assessment.submitted',
  'policy.evaluated',
  'review.requested',
  'review.escalated',
  'review.decided',
  'involvement.recorded',
  'referral.recorded',
  'subject.notified',
  'subject.notification_failed',
  'subject.notification_not_possible',
  'notification.deferred',
  'notification.released',
  'checkin.due',
  'checkin.completed',
  'feedback.requested',
  'feedback.received',
  'feedback.not_received',
  'case.closed',
  'case.viewed',
  'log.exported',
] as const;

export type LogEntryType = (typeof LOG_ENTRY_TYPES)[number];
