import { ApplicationFailure } from '@temporalio/common';

/**
 * Every type a case log entry may have (SPEC §4, and what the service appends besides). Enforced at append: an
 * entry of any other type is refused before anything is written. Adding a step that logs? Add its type here.
 * `log-entry-types.spec.ts` fails when code appends a literal type missing from this list.
 */
export const LOG_ENTRY_TYPES = [
  'case.opened',
  'assessment.submitted',
  'policy.evaluated',
  'review.requested',
  'review.escalated',
  'staff.paged',
  'review.acknowledged',
  'review.decided',
  'involvement.recorded',
  'room.removed',
  'referral.recorded',
  'referral.sent',
  'referral.delivery_failed',
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
  // A case whose workflow stopped while the case was open (found by the reconciler), and an operator's resume of it.
  'case.workflow_stopped',
  'case.workflow_resumed',
  'case.viewed',
  'log.exported',
] as const;

export type LogEntryType = (typeof LOG_ENTRY_TYPES)[number];

const KNOWN: ReadonlySet<string> = new Set(LOG_ENTRY_TYPES);

export const isLogEntryType = (type: string): type is LogEntryType => KNOWN.has(type);

/**
 * A programming error, not a passing fault: retrying cannot help, so in an activity it fails at once
 * (non-retryable) instead of retrying without end. Thrown before anything is written.
 */
export function unknownLogEntryType(type: string): ApplicationFailure {
  return ApplicationFailure.create({
    type: 'LOG.UNKNOWN_ENTRY_TYPE',
    message: `"${type}" is not a case log entry type (see libs/case-log/src/log-entry-types.ts)`,
    nonRetryable: true,
  });
}
