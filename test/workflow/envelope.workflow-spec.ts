import { randomUUID } from 'node:crypto';
import * as m from '../../workflows/case/case.messages';
import { EMERGENCY, NON_EMERGENCY, SHARED } from './support/assessments';
import { AMY, CAT } from './support/actors';
import { CaseSuite, type CaseUnderTest, refusalOf } from './support/case-suite';

let suite: CaseSuite;
beforeAll(async () => (suite = await CaseSuite.start()));
afterAll(() => suite?.stop());

async function acceptedUpdates(kase: CaseUnderTest): Promise<number> {
  const events = (await kase.handle.fetchHistory()).events ?? [];
  return events.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;
}

describe('case workflow: only the service moves a case', () => {
  it('refuses an update naming another case, and writes nothing', async () => {
    const kase = await suite.open();
    const forged = kase.envelope(AMY, EMERGENCY, { caseId: randomUUID() });
    expect(await refusalOf(kase.sendEnvelope(m.submitAssessmentUpdate, forged))).toEqual({
      type: 'FORBIDDEN',
      message: 'This update is for another case',
    });
    expect(kase.types()).toEqual(['case.opened']);
    expect(await acceptedUpdates(kase)).toBe(0);
  });

  it('refuses a captured payload sent again under a new update id; the same update id changes nothing', async () => {
    const kase = await suite.open();
    const step = kase.envelope(AMY, EMERGENCY);
    const first = await kase.sendEnvelope(m.submitAssessmentUpdate, step);
    expect(await refusalOf(kase.sendEnvelope(m.submitAssessmentUpdate, step, randomUUID()))).toMatchObject({
      type: 'FORBIDDEN',
    });
    // Temporal answers a repeated update id with the first outcome, without running it again.
    expect(await kase.sendEnvelope(m.submitAssessmentUpdate, step)).toEqual(first);
    expect(kase.entries('assessment.submitted')).toHaveLength(1);
    expect(await acceptedUpdates(kase)).toBe(1);
  });

  it('refuses an update with no request id, or an actor the service did not authenticate', async () => {
    const kase = await suite.open();
    const attempts = [
      kase.envelope(AMY, EMERGENCY, { requestId: 'not-a-uuid' }),
      kase.envelope({ username: 'ghost.reviewer', roles: ['supervisor_of_all' as never] }, EMERGENCY),
      kase.envelope({ username: '', roles: ['officer'] }, EMERGENCY),
      kase.envelope(undefined as never, EMERGENCY),
    ];
    for (const envelope of attempts) {
      const refusal = await refusalOf(kase.sendEnvelope(m.submitAssessmentUpdate, envelope, randomUUID()));
      expect(refusal.type).toBe('FORBIDDEN');
    }
    expect(kase.types()).toEqual(['case.opened']);
    expect(await acceptedUpdates(kase)).toBe(0);
  });
});

describe('case workflow: cases from before case-workflow-v2, and from an older API', () => {
  it('a legacy case takes the API envelope, refuses a forged one, and runs to its referral', async () => {
    const kase = await suite.open({ workflow: 'legacyCaseWorkflow', timings: null });
    const forged = kase.envelope(AMY, EMERGENCY, { caseId: randomUUID() });
    expect(await refusalOf(kase.sendEnvelope(m.submitAssessmentUpdate, forged))).toMatchObject({ type: 'FORBIDDEN' });
    await kase.send(m.submitAssessmentUpdate, AMY, EMERGENCY);
    await kase.send(m.submitReviewUpdate, CAT, { decision: 'APPROVE' });
    await kase.send(m.recordReferralUpdate, AMY, { agency: 'EMERGENCY_SERVICES', method: 'PHONE', sharedData: SHARED });
    await kase.waitFor('subject.notified');
    const scheduled = ((await kase.handle.fetchHistory()).events ?? []).flatMap(
      (e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? [],
    );
    expect(scheduled).toEqual(expect.arrayContaining(['loadTimings', 'evaluatePolicy', 'recordStep']));
  });

  it('a case started without timings loads them, and runs today’s code', async () => {
    const kase = await suite.open({ timings: null });
    const state = await kase.state();
    expect(state.status).toBe('AWAITING_ASSESSMENT');
    await kase.send(m.submitAssessmentUpdate, AMY, EMERGENCY);
    const deadline = Date.parse((await kase.state()).reviewDeadline!);
    expect(deadline - Date.now()).toBeGreaterThan(5 * 60_000); // TIMINGS' review deadline, not a default
  });

  it('bookkeeping survives a database outage: retried until written, and written once', async () => {
    const kase = await suite.open();
    const transactions = suite.ledger.transactions;
    suite.ledger.failNext(1);
    // Not an emergency: its pages would be bookkeeping transactions of their own.
    await kase.send(m.submitAssessmentUpdate, AMY, NON_EMERGENCY);
    expect(suite.ledger.transactions - transactions).toBe(2); // refused once, then written
    expect(kase.types()).toEqual(['case.opened', 'assessment.submitted', 'policy.evaluated', 'review.requested']);
  });
});
