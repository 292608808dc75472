import type { AgencyReferral, ContactRoute, SubjectNotification } from '../../../libs/agencies/src/messages';

export interface StaffNotice {
  caseId: string;
  role: string;
  key: string;
  message: string;
}

/** Deliveries that reach no one: they record what was sent, and fail for recipients marked unreachable. */
export class FakeDeliveries {
  readonly notifications: SubjectNotification[] = [];
  readonly referrals: AgencyReferral[] = [];
  readonly staffNotices: StaffNotice[] = [];
  /** 'platform', 'email', 'sms' or an agency: every attempt to reach it fails */
  readonly unreachable = new Set<string>();
  attempts = 0;

  async deliverNotification({ route, notification }: { route: ContactRoute; notification: SubjectNotification }) {
    this.attempts++;
    if (this.unreachable.has(route)) throw new Error(`${route} unreachable`);
    this.notifications.push(notification);
    return route;
  }

  async deliverReferral(referral: AgencyReferral): Promise<string> {
    this.attempts++;
    if (this.unreachable.has(referral.agency)) throw new Error(`${referral.agency} unreachable`);
    this.referrals.push(referral);
    return `webhook:${referral.agency}`;
  }

  async notifyStaff(notice: StaffNotice): Promise<void> {
    if (!this.noticed(notice.caseId, notice.key)) this.staffNotices.push(notice);
  }

  noticed(caseId: string, key: string): boolean {
    return this.staffNotices.some((n) => n.caseId === caseId && n.key === key);
  }

  /** Called only by cases whose history already has them; a live case never should. */
  async notifySubject(): Promise<never> {
    throw new Error('notifySubject is for replaying old histories only');
  }

  async sendReferral(): Promise<never> {
    throw new Error('sendReferral is for replaying old histories only');
  }
}
