import { SIGNPOSTING } from '../../libs/policy/src/signposting';
import * as m from '../../workflows/case/case.messages';
import { EMERGENCY, NON_EMERGENCY, NONE, SHARED } from './support/assessments';
import { AMY, CAT, DAN, LEE } from './support/actors';
import { CaseSuite, eventually } from './support/case-suite';

let suite: CaseSuite;
beforeAll(async () => (suite = await CaseSuite.start()));
afterAll(() => suite?.stop());

describe('case workflow: review paths', () => {
  it('no referral: a decision of NONE needs a reason and closes the case with the signposting', async () => {
    const kase = await suite.open();
    expect(await kase.send(m.submitAssessmentUpdate, AMY, NONE)).toMatchObject({ level: 'NONE' });
    expect(await kase.refusal(m.submitReviewUpdate, DAN, { decision: 'APPROVE' })).toMatchObject({ type: 'INVALID' });
    await kase.send(m.submitReviewUpdate, DAN, { decision: 'APPROVE', reason: 'Thoughts, no plan; signposted' });
    await kase.closed();
    expect(kase.types()).toEqual([
      'case.opened',
      'assessment.submitted',
      'policy.evaluated',
      'review.requested',
      'review.decided',
      'case.closed',
    ]);
    expect(kase.entries('case.closed')[0].data).toMatchObject({ outcome: 'NO_REFERRAL', signposting: SIGNPOSTING });
  });

  it('more information: the case goes back to assessment, and round 2 is reviewed on its own', async () => {
    const kase = await suite.open();
    await kase.send(m.submitAssessmentUpdate, LEE, NON_EMERGENCY);
    const back = await kase.send(m.submitReviewUpdate, DAN, { decision: 'REQUEST_MORE_INFO', reason: 'Age?' });
    expect(back).toMatchObject({ status: 'AWAITING_ASSESSMENT', round: 2 });
    expect(suite.ledger.caseRow(kase.caseId)).toMatchObject({ status: 'AWAITING_ASSESSMENT', reviewDeadlineAt: null });
    await kase.send(m.submitAssessmentUpdate, AMY, EMERGENCY);
    // Four eyes holds per round: Lee assessed round 1 only, so may review round 2.
    await kase.send(m.submitReviewUpdate, LEE, { decision: 'APPROVE' });
    expect(kase.entries('policy.evaluated').map((e) => e.data.round)).toEqual([1, 2]);
    expect(kase.entries('review.decided').map((e) => [e.actor, e.data.decision])).toEqual([
      [DAN.username, 'REQUEST_MORE_INFO'],
      [LEE.username, 'APPROVE'],
    ]);
  });

  it('a missed deadline escalates, and again at the same interval, until someone decides', async () => {
    const kase = await suite.open({ timings: { reviewDeadlineMs: { EMERGENCY: 300, NON_EMERGENCY: 300, NONE: 300 } } });
    // Not an emergency: an emergency's supervisors are paged instead (paging.workflow-spec.ts).
    await kase.send(m.submitAssessmentUpdate, AMY, NON_EMERGENCY);
    await kase.waitFor('review.escalated', 2);
    expect(suite.ledger.caseRow(kase.caseId).escalated).toBe(true);
    await eventually('two supervisor notices', () =>
      ['review.escalated:1:1', 'review.escalated:1:2'].every((key) => suite.deliveries.noticed(kase.caseId, key)),
    );
    await kase.send(m.submitReviewUpdate, DAN, { decision: 'APPROVE' });
    // Decided: the deadline timer is cancelled, none is left to escalate again.
    expect(await kase.runningTimers()).toEqual([]);
    const escalations = kase.entries('review.escalated').map((e) => e.data.escalation);
    expect(escalations).toEqual(Array.from({ length: escalations.length }, (_, i) => i + 1));
    expect(suite.ledger.caseRow(kase.caseId).escalated).toBe(false);
  });

  it('an override to EMERGENCY on a group-chat case carries its actions; the recommended level is kept', async () => {
    const kase = await suite.open({ row: { channel: 'group_chat' } });
    expect(await kase.send(m.submitAssessmentUpdate, AMY, NON_EMERGENCY)).toMatchObject({ actions: [] });
    const decided = await kase.send(m.submitReviewUpdate, DAN, {
      decision: 'OVERRIDE',
      level: 'EMERGENCY',
      agencies: ['EMERGENCY_SERVICES'],
      reason: 'On the safe side',
    });
    expect(decided.decision).toMatchObject({ kind: 'OVERRIDE', actions: ['REMOVE_FROM_ROOM', 'NEXT_DAY_CHECK_IN'] });
    expect(kase.entries('review.decided')[0].data).toMatchObject({
      level: 'EMERGENCY',
      recommendedLevel: 'NON_EMERGENCY',
    });
    const unconfirmed = await kase.refusal(m.recordReferralUpdate, AMY, {
      agency: 'EMERGENCY_SERVICES',
      method: 'PHONE',
      sharedData: SHARED,
    });
    expect(unconfirmed.type).toBe('INVALID');
  });

  it('four eyes and roles are refused before anything is written', async () => {
    const kase = await suite.open();
    await kase.send(m.submitAssessmentUpdate, LEE, NON_EMERGENCY);
    const written = kase.types();
    const refusals = [
      await kase.refusal(m.submitReviewUpdate, LEE, { decision: 'APPROVE' }), // the assessor
      await kase.refusal(m.submitReviewUpdate, CAT, { decision: 'APPROVE' }), // on call: EMERGENCY only
      await kase.refusal(m.submitReviewUpdate, AMY, { decision: 'APPROVE' }), // an officer
      await kase.refusal(m.submitAssessmentUpdate, AMY, NON_EMERGENCY), // not the current step
    ];
    expect(refusals.map((r) => r.type)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_CURRENT_STEP']);
    expect(kase.types()).toEqual(written);
    const history = (await kase.handle.fetchHistory()).events ?? [];
    expect(history.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toHaveLength(1);
  });
});
