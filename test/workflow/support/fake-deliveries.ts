import type { AgencyReferral, ContactRoute, SubjectNotification } from '../../../libs/agencies/src/messages';
import type { PageLevel, PageOutcome, PageRequest } from '../../../workflows/paging/paging.types';

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
  readonly pages: PageRequest[] = [];
  /** every call to page, as `case:level:repeat`, repeats included */
  readonly pageCalls: string[] = [];
  /** levels with nobody on them: a page there reaches no one */
  readonly nobodyAt = new Set<PageLevel>();
  /** 'platform', 'email', 'sms' or an agency: every attempt to reach it fails */
  readonly unreachable = new Set<string>();
  /** levels whose pager fails every attempt */
  readonly pagerDownAt = new Set<PageLevel>();
  /** deliveries go out, but the activity that sent each cannot write its log entry */
  logDownAfterDelivery = false;
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

  /** Pages person `<level>.<case>` by webhook, once per (case, round, level, repeat) as the real pager keys it. */
  async pageStaff(request: PageRequest): Promise<PageOutcome> {
    const { caseId, round, level, repeat } = request;
    this.pageCalls.push(`${caseId}:${level}:${repeat}`);
    if (this.pagerDownAt.has(level)) throw new Error('pager down');
    const nobody = this.nobodyAt.has(level);
    const seen = this.pages.some(
      (p) => p.caseId === caseId && p.round === round && p.level === level && p.repeat === repeat,
    );
    if (!nobody && !seen) this.pages.push(request);
    const paged = nobody ? [] : [{ username: `level${level}.person`, routes: ['webhook' as const] }];
    return { level, repeat, paged, unreachable: [], failed: [], nobody };
  }

  /** The pages a case got, as `level:repeat`, in order. */
  pagesOf(caseId: string): string[] {
    return this.pages.filter((p) => p.caseId === caseId).map((p) => `${p.level}:${p.repeat}`);
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
