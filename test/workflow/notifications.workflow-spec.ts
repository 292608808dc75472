import * as m from '../../workflows/case/case.messages';
import { EMERGENCY, SHARED, SOCIAL_WORKER } from './support/assessments';
import { AMY, CAT, DAN } from './support/actors';
import { CaseSuite, eventually } from './support/case-suite';

let suite: CaseSuite;
beforeAll(async () => (suite = await CaseSuite.start()));
afterAll(() => suite?.stop());

const phoneReferral = { agency: 'EMERGENCY_SERVICES' as const, method: 'PHONE' as const, sharedData: SHARED };

/** Opens an emergency case and takes it to its referral decision, approved by on-call. */
async function decidedEmergency(
  options: Parameters<CaseSuite['open']>[0] = {},
  deferNotification?: { reason: string; reviewAt: string },
) {
  const kase = await suite.open(options);
  await kase.send(m.submitAssessmentUpdate, AMY, EMERGENCY);
  await kase.send(m.submitReviewUpdate, CAT, { decision: 'APPROVE', ...(deferNotification && { deferNotification }) });
  return kase;
}

describe('case workflow: telling the young person', () => {
  it('with no contact route, that they could not be told is logged, and nothing is sent', async () => {
    const kase = await decidedEmergency({ row: { subjectContact: {} } });
    await kase.send(m.recordReferralUpdate, AMY, phoneReferral);
    await kase.waitFor('subject.notification_not_possible');
    expect(kase.entries('subject.notification_not_possible')[0].data).toEqual({
      agency: 'EMERGENCY_SERVICES',
      reason: 'no contact route',
    });
    expect(suite.deliveries.notifications.filter((n) => n.caseId === kase.caseId)).toEqual([]);
  });

  it('a delivery that keeps failing gives up after its attempts and opens a task for an officer', async () => {
    suite.deliveries.unreachable.add('email');
    const kase = await decidedEmergency({ row: { subjectContact: { email: 'sam@example.org' } } });
    const attempts = suite.deliveries.attempts;
    await kase.send(m.recordReferralUpdate, AMY, phoneReferral);
    await kase.waitFor('subject.notification_failed').finally(() => suite.deliveries.unreachable.delete('email'));
    expect(suite.deliveries.attempts - attempts).toBe(3); // TIMINGS.delivery.maximumAttempts
    expect(kase.entries('subject.notification_failed')[0].data).toEqual({ agency: 'EMERGENCY_SERVICES', attempts: 3 });
    expect(suite.ledger.tasks(kase.caseId)).toEqual([
      expect.objectContaining({ key: 'notification-failed:EMERGENCY_SERVICES', role: 'officer', completed: false }),
    ]);
    expect(kase.types()).not.toContain('subject.notified');
  });

  it('delivered, but the delivery could not log it: the workflow logs it as told, and nothing goes twice', async () => {
    suite.deliveries.logDownAfterDelivery = true;
    try {
      const kase = await decidedEmergency({ row: { subjectContact: { email: 'sam@example.org' } } });
      await kase.send(m.recordReferralUpdate, AMY, phoneReferral);
      await kase.waitFor('subject.notified');
      expect(kase.entries('subject.notified')[0].data).toEqual({
        agency: 'EMERGENCY_SERVICES',
        route: 'email',
        sentAt: expect.any(String),
      });
      expect(suite.deliveries.notifications.filter((n) => n.caseId === kase.caseId)).toHaveLength(1);
      expect(kase.types()).not.toContain('subject.notification_failed');
    } finally {
      suite.deliveries.logDownAfterDelivery = false;
    }
  });

  it('an electronic referral sent but not logged by its delivery is logged as sent by the workflow', async () => {
    suite.deliveries.logDownAfterDelivery = true;
    try {
      const kase = await suite.open();
      await kase.send(m.submitAssessmentUpdate, AMY, SOCIAL_WORKER);
      await kase.send(m.submitReviewUpdate, DAN, { decision: 'APPROVE' });
      await kase.send(m.recordReferralUpdate, AMY, { agency: 'SOCIAL_WORKER', method: 'PORTAL', sharedData: SHARED });
      await kase.waitFor('referral.sent');
      expect(kase.entries('referral.sent')[0].data).toEqual({
        agency: 'SOCIAL_WORKER',
        route: 'webhook:SOCIAL_WORKER',
      });
      expect(suite.deliveries.referrals.filter((r) => r.caseId === kase.caseId)).toHaveLength(1);
      expect(kase.types()).not.toContain('referral.delivery_failed');
    } finally {
      suite.deliveries.logDownAfterDelivery = false;
    }
  });

  it('a failed electronic referral opens a task to send it another way', async () => {
    suite.deliveries.unreachable.add('SOCIAL_WORKER');
    const kase = await suite.open();
    await kase.send(m.submitAssessmentUpdate, AMY, SOCIAL_WORKER);
    await kase.send(m.submitReviewUpdate, DAN, { decision: 'APPROVE' });
    await kase.send(m.recordReferralUpdate, AMY, { agency: 'SOCIAL_WORKER', method: 'PORTAL', sharedData: SHARED });
    await kase.waitFor('referral.delivery_failed').finally(() => suite.deliveries.unreachable.delete('SOCIAL_WORKER'));
    expect(kase.types()).not.toContain('referral.sent');
    expect(suite.ledger.tasks(kase.caseId).map((t) => t.key)).toContain('referral-failed:SOCIAL_WORKER');
  });

  it('a deferral holds the notification back, comes back to a supervisor, and a release tells them', async () => {
    const soon = () => new Date(Date.now() + 400).toISOString();
    const kase = await decidedEmergency({}, { reason: 'Their abuser reads their messages', reviewAt: soon() });
    await kase.send(m.recordReferralUpdate, AMY, phoneReferral);
    await kase.waitFor('review.requested', 2); // the deferral's re-review
    expect(suite.deliveries.notifications.filter((n) => n.caseId === kase.caseId)).toEqual([]);
    expect(await kase.refusal(m.releaseNotificationUpdate, CAT, { decision: 'RELEASE' })).toMatchObject({
      type: 'FORBIDDEN',
    });
    await kase.send(m.releaseNotificationUpdate, DAN, { decision: 'EXTEND', reason: 'Not yet', reviewAt: soon() });
    await kase.waitFor('review.requested', 3);
    await eventually(
      'two re-review notices',
      () => suite.deliveries.staffNotices.filter((n) => n.caseId === kase.caseId).length === 2,
    );
    await kase.send(m.releaseNotificationUpdate, DAN, { decision: 'RELEASE', reason: 'Moved to a safe place' });
    await kase.waitFor('subject.notified');
    expect(kase.types().filter((t) => t.startsWith('notification.'))).toEqual([
      'notification.deferred',
      'notification.deferred',
      'notification.released',
    ]);
    expect(suite.ledger.tasks(kase.caseId).filter((t) => t.kind === 'NOTIFICATION_DEFERRAL_REVIEW')).toEqual([
      expect.objectContaining({ completed: true }),
      expect.objectContaining({ completed: true }),
    ]);
    expect(await kase.refusal(m.releaseNotificationUpdate, DAN, { decision: 'RELEASE' })).toMatchObject({
      type: 'NOT_CURRENT_STEP',
    });
  });

  it('a release arriving with the referral it should release still tells the young person, once', async () => {
    // The race needs both updates in one workflow task; several cases at once make that all but certain.
    const reviewAt = new Date(Date.now() + 60_000).toISOString();
    const cases = await Promise.all([1, 2, 3, 4].map(() => decidedEmergency({}, { reason: 'Not yet', reviewAt })));
    await Promise.all(
      cases.flatMap((kase) => [
        kase.send(m.recordReferralUpdate, AMY, phoneReferral),
        kase.send(m.releaseNotificationUpdate, DAN, { decision: 'RELEASE', reason: 'Safe now' }),
      ]),
    );
    for (const kase of cases) {
      await kase.waitFor('subject.notified', 1, 5_000);
      expect(suite.deliveries.notifications.filter((n) => n.caseId === kase.caseId)).toHaveLength(1);
      expect((await kase.state()).heldNotifications).toEqual([]);
    }
  });
});
