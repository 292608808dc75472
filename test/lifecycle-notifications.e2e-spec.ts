import { randomUUID } from 'node:crypto';
import { e2eEnv } from './support/env';
import { recordHistory } from './support/histories';
import {
  AMY,
  assess,
  call,
  CAT,
  caseView,
  DAN,
  deliveries,
  entriesOf,
  expectAnswer,
  expectInOrder,
  expectRefusedWithoutWriting,
  expectSoundLog,
  feedback,
  logOf,
  openCase,
  refer,
  review,
  sharingHistory,
  waitForEntry,
  waitForStatus,
} from './support/lifecycle-api';

/**
 * Issue 4: telling the young person (SPEC §3.6) over HTTP. The suite's webhook receiver stands in for the
 * platform: `flaky-…` users fail twice then succeed, `down-…` users always fail; deliveries retry 4 times
 * (0.2 s..0.5 s backoff).
 */
const { temporalAddress } = e2eEnv();

const REFERRED = [
  'case.opened',
  'assessment.submitted',
  'policy.evaluated',
  'review.requested',
  'review.decided',
  'referral.recorded',
  'feedback.requested',
  'feedback.received',
  'case.closed',
];
const SHARED = { name: 'Sam Example', phone: '+44 7700 900123' };

/** An emergency case for `user`, approved by on-call and referred to 999. */
async function referEmergency(options: { user?: string; contact?: Record<string, unknown> | null }): Promise<string> {
  const { caseId } = await openCase({ age: 15, ...options });
  expectAnswer(await assess(caseId, { age: 15, indicators: ['SUICIDE_PLAN_IMMEDIATE'] }), 200);
  expectAnswer(await review(caseId, CAT, { decision: 'APPROVE' }), 200);
  expectAnswer(await refer(caseId, { agency: 'EMERGENCY_SERVICES', method: 'PHONE', sharedData: SHARED }), 201);
  return caseId;
}

async function closeWithFeedback(caseId: string, agencies: string[]): Promise<void> {
  for (const agency of agencies) await waitForEntry(caseId, 'feedback.requested', (e) => e.data.agency === agency);
  for (const agency of agencies) expectAnswer(await feedback(caseId, agency), 200);
  await waitForStatus(caseId, 'CLOSED');
}

describe('lifecycle: notifying the young person', () => {
  it('no contact route: subject.notification_not_possible, and no webhook', async () => {
    const caseId = await referEmergency({ contact: null });
    const entries = await waitForEntry(caseId, 'subject.notification_not_possible');
    expect(entriesOf(entries, 'subject.notification_not_possible')[0].data).toMatchObject({
      agency: 'EMERGENCY_SERVICES',
    });
    await closeWithFeedback(caseId, ['EMERGENCY_SERVICES']);
    expect(await deliveries(caseId)).toEqual([]);
    expect((await caseView(caseId)).notifications).toEqual([
      expect.objectContaining({ type: 'subject.notification_not_possible', agency: 'EMERGENCY_SERVICES' }),
    ]);

    const final = await logOf(caseId);
    expectSoundLog(final, [...REFERRED, 'subject.notification_not_possible'], ['EMERGENCY_SERVICES']);
    await recordHistory(temporalAddress, caseId, 'no-contact');
  });

  it('flaky platform: two failed attempts, then delivered once with the same delivery id', async () => {
    const caseId = await referEmergency({ user: `flaky-${randomUUID()}` });
    const entries = await waitForEntry(caseId, 'subject.notified');
    expect(entriesOf(entries, 'subject.notified')[0].data).toMatchObject({
      agency: 'EMERGENCY_SERVICES',
      route: 'platform-webhook',
    });

    const attempts = await deliveries(caseId, '/platform');
    expect(attempts.map((d) => d.status)).toEqual([503, 503, 200]);
    expect(attempts.every((d) => d.signatureValid)).toBe(true);
    expect(new Set(attempts.map((d) => d.deliveryId)).size).toBe(1);
    expect(attempts[0].deliveryId).toEqual(expect.any(String));

    await closeWithFeedback(caseId, ['EMERGENCY_SERVICES']);
    expect((await deliveries(caseId, '/platform')).filter((d) => d.status === 200)).toHaveLength(1);
    const final = await logOf(caseId);
    expectSoundLog(final, [...REFERRED, 'subject.notified'], ['EMERGENCY_SERVICES']);
    await recordHistory(temporalAddress, caseId, 'webhook-flaky');
  });

  it('platform down for good: four attempts, then subject.notification_failed and an officer task', async () => {
    const caseId = await referEmergency({ user: `down-${randomUUID()}` });
    const entries = await waitForEntry(caseId, 'subject.notification_failed');
    expect(entriesOf(entries, 'subject.notification_failed')[0].data).toMatchObject({
      agency: 'EMERGENCY_SERVICES',
      attempts: 4,
    });

    const attempts = await deliveries(caseId, '/platform');
    expect(attempts.map((d) => d.status)).toEqual([503, 503, 503, 503]);
    expect(new Set(attempts.map((d) => d.deliveryId)).size).toBe(1);
    expect((await caseView(caseId, AMY)).openTasks).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'NOTIFICATION_FAILED', role: 'officer' })]),
    );

    await closeWithFeedback(caseId, ['EMERGENCY_SERVICES']);
    expect(await deliveries(caseId, '/platform')).toHaveLength(4); // no delivery after giving up
    const final = await logOf(caseId);
    expectSoundLog(final, [...REFERRED, 'subject.notification_failed'], ['EMERGENCY_SERVICES']);
    await recordHistory(temporalAddress, caseId, 'webhook-down');
  });

  it('deferral: nothing is sent while deferred, the case comes back to a supervisor at reviewAt, release sends one webhook per referral', async () => {
    const { caseId, externalUserId } = await openCase({ age: 15 });
    const assessed = await assess(caseId, { age: 15, indicators: ['ONGOING_ABUSE', 'UNDER16_PREGNANCY_NO_MEDICAL'] });
    const agencies = assessed.body.recommendation.agencies as string[];
    expect([...agencies].sort()).toEqual(['CARE_PROFESSIONAL', 'POLICE_NON_EMERGENCY']);

    const reviewAt = new Date(Date.now() + 3000).toISOString();
    const deferNotification = { reason: 'Her stepfather reads her messages.', reviewAt };
    await expectRefusedWithoutWriting(
      caseId,
      () =>
        review(caseId, DAN, {
          decision: 'APPROVE',
          deferNotification: { reason: 'x', reviewAt: '2020-01-01T00:00:00Z' },
        }),
      400,
      'CASE.INVALID',
    );
    const approved = await review(caseId, DAN, { decision: 'APPROVE', deferNotification });
    expectAnswer(approved, 200);
    expect(approved.body.notifications).toEqual([
      expect.objectContaining({
        type: 'notification.deferred',
        reason: deferNotification.reason,
        reviewAt,
        by: 'supervisor.dan',
      }),
    ]);

    expectAnswer(
      await refer(caseId, {
        agency: 'POLICE_NON_EMERGENCY',
        method: 'PHONE',
        sharedData: { name: 'Mia Example', address: '1 Example Row' },
      }),
      201,
    );
    expectAnswer(
      await refer(caseId, {
        agency: 'CARE_PROFESSIONAL',
        method: 'SECURE_EMAIL',
        sharedData: { name: 'Mia Example', concernSummary: 'Pregnant, 15, no GP.' },
      }),
      201,
    );

    // Until reviewAt (about 3 s after the referrals, whose notifications would otherwise go out within
    // milliseconds) the platform hears nothing.
    const back = await waitForEntry(caseId, 'review.requested', (e) => e.data.kind === 'NOTIFICATION_DEFERRAL');
    const reReview = back.find((e) => e.type === 'review.requested' && e.data.kind === 'NOTIFICATION_DEFERRAL')!;
    expect(Date.parse(reReview.at)).toBeGreaterThanOrEqual(Date.parse(reviewAt));
    expect(reReview.data).toMatchObject({ reviewAt, requiredRoles: ['supervisor'] });
    expect(await deliveries(caseId, '/platform')).toEqual([]);
    expect(entriesOf(back, 'subject.notified')).toEqual([]);
    // Nor can the young person read it in their sharing history: whoever reads their messages would see it there.
    expect(await sharingHistory(externalUserId)).toEqual([]);
    const task = (await caseView(caseId)).openTasks.find(
      (t: { kind: string }) => t.kind === 'NOTIFICATION_DEFERRAL_REVIEW',
    );
    expect(task).toMatchObject({ kind: 'NOTIFICATION_DEFERRAL_REVIEW', role: 'supervisor', dueAt: reviewAt });

    await expectRefusedWithoutWriting(
      caseId,
      () => call(AMY, 'POST', `/cases/${caseId}/notification-release`, { decision: 'RELEASE' }),
      403,
    );
    await expectRefusedWithoutWriting(
      caseId,
      () => call(CAT, 'POST', `/cases/${caseId}/notification-release`, { decision: 'RELEASE' }),
      403,
    );
    const released = await call(DAN, 'POST', `/cases/${caseId}/notification-release`, {
      decision: 'RELEASE',
      reason: 'She has moved to her aunt’s.',
    });
    expectAnswer(released, 200);
    expect(released.body.openTasks.map((t: { kind: string }) => t.kind)).not.toContain('NOTIFICATION_DEFERRAL_REVIEW');

    await waitForEntry(caseId, 'subject.notified', (e) => e.data.agency === 'POLICE_NON_EMERGENCY');
    await waitForEntry(caseId, 'subject.notified', (e) => e.data.agency === 'CARE_PROFESSIONAL');
    await closeWithFeedback(caseId, agencies);
    const told = await deliveries(caseId, '/platform');
    expect(told.map((d) => d.body.agency).sort()).toEqual(['CARE_PROFESSIONAL', 'POLICE_NON_EMERGENCY']);
    expect(told.every((d) => d.status === 200 && d.signatureValid && d.body.externalUserId === externalUserId)).toBe(
      true,
    );
    const releasedAt = Date.parse(entriesOf(await logOf(caseId), 'notification.released')[0].at);
    const history = await sharingHistory(externalUserId);
    expect(history.map((item) => item.agency).sort()).toEqual(['CARE_PROFESSIONAL', 'POLICE_NON_EMERGENCY']);
    expect(history.find((item) => item.agency === 'CARE_PROFESSIONAL').sharedData).toEqual({
      name: 'Mia Example',
      concernSummary: 'Pregnant, 15, no GP.',
    });
    expect(told.every((d) => Date.parse(d.receivedAt) >= releasedAt)).toBe(true);

    const final = await logOf(caseId);
    expect((await caseView(caseId)).openTasks).toEqual([]);
    expectSoundLog(
      final,
      [...REFERRED, 'notification.deferred', 'notification.released', 'subject.notified', 'referral.sent'],
      agencies,
    );
    expectInOrder(final, [
      'review.decided',
      'notification.deferred',
      'referral.recorded',
      'notification.released',
      'subject.notified',
      'case.closed',
    ]);
    expect(entriesOf(final, 'review.requested').map((e) => e.data.kind ?? 'ASSESSMENT')).toEqual([
      'ASSESSMENT',
      'NOTIFICATION_DEFERRAL',
    ]);
    await recordHistory(temporalAddress, caseId, 'deferral');
  });
});
