/** The API's codes in plain words, for people. */

export const STATUS: Record<string, string> = {
  AWAITING_ASSESSMENT: 'Awaiting assessment',
  AWAITING_REVIEW: 'Awaiting review',
  AWAITING_REFERRAL: 'Awaiting referral',
  AWAITING_FEEDBACK: 'Awaiting feedback',
  CLOSED: 'Closed',
};

export const LEVEL: Record<string, string> = {
  EMERGENCY: 'Emergency',
  NON_EMERGENCY: 'Non-emergency',
  NONE: 'No referral',
};

export const AGENCY: Record<string, string> = {
  EMERGENCY_SERVICES: 'Emergency services (999)',
  POLICE_NON_EMERGENCY: 'Police non-emergency (101)',
  SOCIAL_WORKER: 'Social worker',
  CARE_PROFESSIONAL: 'Care professional',
};

export const CHANNEL: Record<string, string> = {
  boards: 'Message boards',
  group_chat: 'Group chat',
  helpline: 'Helpline',
  counselling: 'Counselling',
  crisis_text: 'Crisis text line',
  chatbot: 'Chatbot',
  email: 'Email',
  workshop: 'Workshop',
};

export const ACTION: Record<string, string> = {
  REMOVE_FROM_ROOM: 'remove the young person from the group-chat room',
  NEXT_DAY_CHECK_IN: 'check in with the young person the next day',
};

export const FLAG: Record<string, string> = {
  AGE_UNKNOWN: 'the age is not known',
  INCOMPLETE_INFORMATION: 'the information is incomplete',
};

export const FIELD: Record<string, string> = {
  name: 'Name',
  dateOfBirth: 'Date of birth',
  phone: 'Phone',
  email: 'Email',
  address: 'Address',
  location: 'Location',
  ipAddress: 'IP address',
  concernSummary: 'Why we are worried',
};

export const TASK: Record<string, string> = {
  CHECK_IN: 'Check in with the young person',
  NOTIFICATION_FAILED: 'Telling the young person failed',
  REFERRAL_DELIVERY_FAILED: 'Sending the referral failed',
  NOTIFICATION_DEFERRAL: 'Re-review a deferred notification',
  NOTIFICATION_DEFERRAL_REVIEW: 'Re-review a deferred notification',
  FEEDBACK: 'Record feedback',
};

export const DECISION: Record<string, string> = {
  APPROVE: 'approved the recommendation',
  OVERRIDE: 'overrode the recommendation',
  REQUEST_MORE_INFO: 'asked for more information',
};

export const INVOLVEMENT: Record<string, string> = {
  AGREED: 'They were involved and agreed',
  INFORMED_NOT_AGREED: 'They were told but did not agree',
  NOT_POSSIBLE: 'Involving them was not possible',
};

export const ROLE: Record<string, string> = {
  officer: 'Safeguarding officer',
  on_call: 'On call',
  supervisor: 'Supervisor',
  auditor: 'Auditor',
  admin: 'Admin',
};

export const word = (table: Record<string, string>, code: string | null | undefined): string =>
  code ? (table[code] ?? code) : '—';

export const list = (table: Record<string, string>, codes: readonly string[] | undefined): string =>
  codes && codes.length > 0 ? codes.map((c) => word(table, c)).join(', ') : 'none';

const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

export const when = (iso: string | null | undefined): string => (iso ? `${DATE_TIME.format(new Date(iso))} UTC` : '—');

/** The first part of a case id: enough to tell cases apart on a screen. */
export const shortId = (id: string): string => id.slice(0, 8);
