import type { LogEntry } from './api/types';
import { AGENCY, DECISION, FIELD, INVOLVEMENT, LEVEL, list, word } from './words';

type Data = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' ? v : '');
const codes = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);

/** What each log entry type means, in a sentence; the entry's data is summarised, never dumped. */
const SENTENCES: Record<string, (d: Data) => string> = {
  'case.opened': (d) => `Disclosure received${d.channel ? ` (${text(d.channel).replace('_', ' ')})` : ''}.`,
  'assessment.submitted': (d) => `Assessment submitted with ${codes(d.indicators).length} indicator(s).`,
  'policy.evaluated': (d) => {
    const out = (d.output ?? {}) as Data;
    return `The policy recommended: ${word(LEVEL, text(out.level))}; agencies: ${list(AGENCY, codes(out.agencies))}.`;
  },
  'review.requested': (d) => `Review requested${d.level ? ` at level ${word(LEVEL, text(d.level))}` : ''}.`,
  'review.escalated': () => 'The review deadline passed: escalated to supervisors.',
  'review.acknowledged': () => 'Acknowledged the review ("I have it").',
  'review.decided': (d) =>
    d.decision === 'REQUEST_MORE_INFO'
      ? 'Asked for more information: the case went back to assessment.'
      : `Reviewer ${word(DECISION, text(d.decision))}: ${word(LEVEL, text(d.level))}; agencies: ${list(AGENCY, codes(d.agencies))}.`,
  'involvement.recorded': (d) => `Involvement recorded: ${word(INVOLVEMENT, text(d.outcome))}.`,
  'room.removed': () => 'The young person was removed from the group-chat room.',
  'referral.recorded': (d) =>
    `Referral to ${word(AGENCY, text(d.agency))} recorded; shared: ${list(FIELD, Object.keys((d.sharedData as Data) ?? {}))}.`,
  'referral.sent': (d) => `Referral sent to ${word(AGENCY, text(d.agency))}.`,
  'referral.delivery_failed': (d) => `Sending the referral to ${word(AGENCY, text(d.agency))} failed.`,
  'subject.notified': () => 'The young person was told what was shared.',
  'subject.notification_failed': () => 'Telling the young person failed.',
  'subject.notification_not_possible': () => 'Telling the young person was not possible (no contact route).',
  'notification.deferred': () => 'Telling the young person was deferred.',
  'notification.released': () => 'The deferred notification was released.',
  'checkin.due': () => 'A check-in with the young person is due.',
  'checkin.completed': () => 'Check-in completed.',
  'feedback.requested': (d) => `Feedback requested from ${word(AGENCY, text(d.agency))}.`,
  'feedback.received': (d) => `Feedback received from ${word(AGENCY, text(d.agency))}.`,
  'feedback.not_received': (d) => `No feedback received from ${word(AGENCY, text(d.agency))}.`,
  'case.closed': () => 'Case closed.',
  'case.viewed': () => 'Viewed the case.',
  'log.exported': () => 'The log was exported.',
};

export function describeEntry(entry: LogEntry): string {
  const sentence = SENTENCES[entry.type];
  return sentence ? sentence(entry.data ?? {}) : `${entry.type.replace(/[._]/g, ' ')}.`;
}

export const actorWords = (actor: string): string => (actor === 'system' ? 'The service' : actor);
