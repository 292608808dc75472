// What goes out to people and agencies: plain types, importable by workflow code (no I/O behind them).

/** SPEC §3.6: what the platform receives for one referral. */
export interface SubjectNotification {
  type: 'subject.notification';
  caseId: string;
  externalUserId: string;
  agency: string;
  level: string;
  sharedData: Record<string, string>;
  reason: string;
  sentAt: string;
}

export type ContactRoute = 'platform' | 'email' | 'sms';

/** What an agency's electronic route receives for one referral. */
export interface AgencyReferral {
  type: 'agency.referral';
  caseId: string;
  agency: string;
  method: string;
  level: string;
  sharedData: Record<string, string>;
  agencyReference: string | null;
  sentAt: string;
}
