import { ApplicationFailure } from '@temporalio/common';
import type { AgencyReferral, SubjectNotification } from '@sg/agencies';
import type { PageOutcome, PageRequest } from '@sg/workflows/paging/paging.types';
import { deliveriesThatRecord } from './recorded-on-delivery';

const page: PageRequest = { caseId: 'c-1', round: 1, level: 1, repeat: 2, deadline: '2026-11-26T20:00:00Z' };
const outcome: PageOutcome = {
  level: 1,
  repeat: 2,
  paged: [{ username: 'oncall.cat', routes: ['webhook', 'email'] }],
  unreachable: [],
  failed: ['oncall.dan'],
  nobody: false,
};
const notification: SubjectNotification = {
  type: 'subject.notification',
  caseId: 'c-2',
  externalUserId: 'u-1',
  agency: 'EMERGENCY_SERVICES',
  level: 'EMERGENCY',
  sharedData: { name: 'Sam' },
  reason: 'to keep you safe',
  sentAt: '2026-11-26T19:00:00.000Z',
};
const referral: AgencyReferral = {
  type: 'agency.referral',
  caseId: 'c-3',
  agency: 'SOCIAL_SERVICES',
  method: 'WEBHOOK',
  level: 'NON_EMERGENCY',
  sharedData: { name: 'Sam' },
  agencyReference: null,
  sentAt: '2026-11-26T19:00:00.000Z',
};

function deliveries(overrides: { pageStaff?: () => Promise<PageOutcome> } = {}) {
  return {
    deliverNotification: jest.fn().mockResolvedValue('email'),
    deliverReferral: jest.fn().mockResolvedValue('webhook:SOCIAL_SERVICES'),
    pageStaff: jest.fn(overrides.pageStaff ?? (async () => outcome)),
  };
}

describe('deliveries that write their own log entry', () => {
  it('a page, then its staff.paged entry under its step key; answers the outcome', async () => {
    const recordSteps = jest.fn().mockResolvedValue([]);
    expect(await deliveriesThatRecord(deliveries(), recordSteps).pageStaffAndRecord(page)).toEqual(outcome);
    expect(recordSteps).toHaveBeenCalledWith({
      caseId: 'c-1',
      steps: [
        {
          stepKey: 'staff.paged:1:1:2',
          actor: 'system',
          type: 'staff.paged',
          data: {
            round: 1,
            level: 1,
            repeat: 2,
            outcome: 'PAGED',
            usernames: ['oncall.cat'],
            routes: ['email', 'webhook'],
            unreachable: [],
            failed: ['oncall.dan'],
          },
        },
      ],
    });
  });

  it('a notification, then subject.notified with the route it went by, in its case', async () => {
    const recordSteps = jest.fn().mockResolvedValue([]);
    const sent = deliveries();
    const route = await deliveriesThatRecord(sent, recordSteps).deliverNotificationAndRecord({
      route: 'email',
      notification,
      to: 'sam@example.org',
    });
    expect(route).toBe('email');
    expect(sent.deliverNotification).toHaveBeenCalledWith({ route: 'email', notification, to: 'sam@example.org' });
    expect(recordSteps).toHaveBeenCalledWith({
      caseId: 'c-2',
      steps: [
        {
          stepKey: 'subject.notified:EMERGENCY_SERVICES',
          actor: 'system',
          type: 'subject.notified',
          data: { agency: 'EMERGENCY_SERVICES', route: 'email', sentAt: notification.sentAt },
        },
      ],
    });
  });

  it('a referral, then referral.sent, in its case', async () => {
    const recordSteps = jest.fn().mockResolvedValue([]);
    await deliveriesThatRecord(deliveries(), recordSteps).deliverReferralAndRecord(referral);
    expect(recordSteps).toHaveBeenCalledWith({
      caseId: 'c-3',
      steps: [
        {
          stepKey: 'referral.sent:SOCIAL_SERVICES',
          actor: 'system',
          type: 'referral.sent',
          data: { agency: 'SOCIAL_SERVICES', route: 'webhook:SOCIAL_SERVICES' },
        },
      ],
    });
  });

  it('delivered but not logged: fails at once with the result, and without the database error', async () => {
    const failure = await deliveriesThatRecord(deliveries(), async () => {
      throw new Error('insert into case_log_entries … values ($1: "Sam, 15")');
    })
      .pageStaffAndRecord(page)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'DELIVERED_NOT_RECORDED', nonRetryable: true, details: [outcome] });
    expect((failure as Error).message).not.toMatch(/Sam|insert/);
  });

  it('a delivery that fails writes nothing, and the failure is the delivery’s, for Temporal to retry', async () => {
    const recordSteps = jest.fn();
    const down = new Error('pager down');
    const recording = deliveriesThatRecord(deliveries({ pageStaff: () => Promise.reject(down) }), recordSteps);
    await expect(recording.pageStaffAndRecord(page)).rejects.toBe(down);
    expect(recordSteps).not.toHaveBeenCalled();
  });
});
