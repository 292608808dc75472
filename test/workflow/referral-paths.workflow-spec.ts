import * as m from '../../workflows/case/case.messages';
import { EMERGENCY, EMERGENCY_AND_ABUSE, SHARED, SOCIAL_WORKER } from './support/assessments';
import { AMY, CAT, DAN } from './support/actors';
import { CaseSuite, eventually } from './support/case-suite';

let suite: CaseSuite;
beforeAll(async () => (suite = await CaseSuite.start()));
afterAll(() => suite?.stop());

const REFERRED = ['case.opened', 'assessment.submitted', 'policy.evaluated', 'review.requested', 'review.decided'];

describe('case workflow: referral paths, each from intake to closure', () => {
  it('emergency: on-call approves, 999 is recorded, the young person is told once, feedback closes the case', async () => {
    const kase = await suite.open({ timings: { feedbackRequestDelayMs: 200 } });
    const recommendation = await kase.send(m.submitAssessmentUpdate, AMY, EMERGENCY);
    expect(recommendation).toMatchObject({ level: 'EMERGENCY', agencies: ['EMERGENCY_SERVICES'] });
    expect(suite.ledger.caseRow(kase.caseId)).toMatchObject({ status: 'AWAITING_REVIEW', level: 'EMERGENCY' });
    const decided = await kase.send(m.submitReviewUpdate, CAT, { decision: 'APPROVE' });
    expect(decided).toMatchObject({
      status: 'AWAITING_REFERRAL',
      decision: { level: 'EMERGENCY', decidedBy: CAT.username },
    });
    const referred = await kase.send(m.recordReferralUpdate, AMY, {
      agency: 'EMERGENCY_SERVICES',
      method: 'PHONE',
      sharedData: SHARED,
    });
    expect(referred.status).toBe('AWAITING_FEEDBACK');
    await kase.waitFor('feedback.requested');
    expect(suite.ledger.tasks(kase.caseId)).toEqual([expect.objectContaining({ key: 'feedback:EMERGENCY_SERVICES' })]);
    await kase.send(m.recordFeedbackUpdate, AMY, { agency: 'EMERGENCY_SERVICES', feedback: 'Safe' });
    await kase.closed();

    expect(kase.stepTypes()).toEqual([
      ...REFERRED,
      'referral.recorded',
      'subject.notified',
      'feedback.requested',
      'feedback.received',
      'case.closed',
    ]);
    expect(suite.deliveries.notifications.filter((n) => n.caseId === kase.caseId)).toEqual([
      expect.objectContaining({ agency: 'EMERGENCY_SERVICES', level: 'EMERGENCY', sharedData: SHARED }),
    ]);
    expect(suite.deliveries.referrals.filter((r) => r.caseId === kase.caseId)).toEqual([]); // 999 is a phone call
    expect(suite.ledger.tasks(kase.caseId).every((t) => t.completed)).toBe(true);
    expect(suite.ledger.caseRow(kase.caseId)).toMatchObject({ status: 'CLOSED', escalated: false });
  });

  it('two agencies: the case waits for both referrals, recorded at once, one at a time', async () => {
    const kase = await suite.open();
    await kase.send(m.submitAssessmentUpdate, AMY, EMERGENCY_AND_ABUSE);
    await kase.send(m.submitReviewUpdate, CAT, { decision: 'APPROVE' });
    const [first, second] = await Promise.all(
      (['EMERGENCY_SERVICES', 'POLICE_NON_EMERGENCY'] as const).map((agency) =>
        kase.send(m.recordReferralUpdate, AMY, { agency, method: 'PHONE', sharedData: SHARED }),
      ),
    );
    expect([first.status, second.status].sort()).toEqual(['AWAITING_FEEDBACK', 'AWAITING_REFERRAL']);
    expect((await kase.state()).status).toBe('AWAITING_FEEDBACK');
    expect(suite.ledger.caseRow(kase.caseId).status).toBe('AWAITING_FEEDBACK');
    await kase.waitFor('subject.notified', 2);
    for (const agency of ['EMERGENCY_SERVICES', 'POLICE_NON_EMERGENCY'] as const)
      await kase.send(m.recordFeedbackUpdate, AMY, { agency, feedback: 'Done' });
    await kase.closed();
    expect(kase.entries('referral.recorded').map((e) => e.data.agency)).toHaveLength(2);
  });

  it('an electronic referral is delivered and logged as sent; no feedback: requested, then not received', async () => {
    const kase = await suite.open({ timings: { feedbackRequestDelayMs: 100, feedbackWaitMs: 100 } });
    const recommendation = await kase.send(m.submitAssessmentUpdate, AMY, SOCIAL_WORKER);
    expect(recommendation).toMatchObject({ level: 'NON_EMERGENCY', agencies: ['SOCIAL_WORKER'] });
    await kase.send(m.submitReviewUpdate, DAN, { decision: 'APPROVE' });
    await kase.send(m.recordReferralUpdate, AMY, { agency: 'SOCIAL_WORKER', method: 'PORTAL', sharedData: SHARED });
    await kase.closed();
    expect(kase.stepTypes()).toEqual(
      expect.arrayContaining(['referral.sent', 'feedback.requested', 'feedback.not_received', 'case.closed']),
    );
    expect(kase.entries('referral.sent')[0].data).toEqual({ agency: 'SOCIAL_WORKER', route: 'webhook:SOCIAL_WORKER' });
    expect(suite.deliveries.referrals.filter((r) => r.caseId === kase.caseId)).toEqual([
      expect.objectContaining({
        agency: 'SOCIAL_WORKER',
        method: 'PORTAL',
        sharedData: SHARED,
        level: 'NON_EMERGENCY',
      }),
    ]);
    expect(kase.entries('case.closed')[0].data).toMatchObject({ feedback: { SOCIAL_WORKER: 'NOT_RECEIVED' } });
    expect(suite.ledger.tasks(kase.caseId)).toEqual([
      expect.objectContaining({ key: 'feedback:SOCIAL_WORKER', completed: true }),
    ]);
  });

  it('group chat: the removal is confirmed with the first referral, a check-in is due, and the case waits for it', async () => {
    const kase = await suite.open({
      row: { channel: 'group_chat' },
      timings: { checkInDelayMs: 100, feedbackRequestDelayMs: 100, feedbackWaitMs: 100 },
    });
    const recommendation = await kase.send(m.submitAssessmentUpdate, AMY, EMERGENCY);
    expect(recommendation.actions).toEqual(['REMOVE_FROM_ROOM', 'NEXT_DAY_CHECK_IN']);
    await kase.send(m.submitReviewUpdate, CAT, { decision: 'APPROVE' });
    const unconfirmed = await kase.refusal(m.recordReferralUpdate, AMY, {
      agency: 'EMERGENCY_SERVICES',
      method: 'PHONE',
      sharedData: SHARED,
    });
    expect(unconfirmed).toMatchObject({ type: 'INVALID', message: expect.stringMatching(/removedFromRoom/) });
    await kase.send(m.recordReferralUpdate, AMY, {
      agency: 'EMERGENCY_SERVICES',
      method: 'PHONE',
      sharedData: SHARED,
      removedFromRoom: true,
    });
    await kase.waitFor('feedback.not_received');
    await eventually('the check-in reminder', () => suite.deliveries.noticed(kase.caseId, 'check-in-due'));
    expect((await kase.state()).status).toBe('AWAITING_FEEDBACK'); // held open by the check-in
    await kase.send(m.completeCheckInUpdate, AMY, { note: 'Spoke to them; safe' });
    await kase.closed();
    expect(kase.stepTypes().slice(5, 8)).toEqual(['room.removed', 'referral.recorded', 'checkin.due']);
    expect(kase.stepTypes().at(-1)).toBe('case.closed');
    expect(suite.ledger.tasks(kase.caseId).find((t) => t.key === 'check-in')).toMatchObject({ completed: true });
  });
});
