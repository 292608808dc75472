import * as m from '../../workflows/case/case.messages';
import { acknowledgePageUpdate } from '../../workflows/paging/paging.messages';
import { EMERGENCY, NON_EMERGENCY, SHARED } from './support/assessments';
import { AMY, CAT, DAN, LEE } from './support/actors';
import { CaseSuite, eventually } from './support/case-suite';

let suite: CaseSuite;
beforeAll(async () => (suite = await CaseSuite.start()));
afterAll(() => suite?.stop());
afterEach(() => suite.deliveries.nobodyAt.clear());

const NEVER = 10 * 60_000;
const deadlines = (emergency: number) => ({ EMERGENCY: emergency, NON_EMERGENCY: NEVER, NONE: NEVER });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An EMERGENCY review requested with these timings; Amy assessed it. */
async function emergency(ackMs: number, deadlineMs = NEVER) {
  const kase = await suite.open({ timings: { pageAckTimeoutMs: ackMs, reviewDeadlineMs: deadlines(deadlineMs) } });
  await kase.send(m.submitAssessmentUpdate, AMY, EMERGENCY);
  return kase;
}

describe('case workflow: on-call paging (SPEC §7)', () => {
  it('pages level 1 the moment an emergency review is requested, and again after each ack timeout', async () => {
    const kase = await emergency(500);
    await kase.waitFor('staff.paged', 2);
    expect(suite.deliveries.pagesOf(kase.caseId).slice(0, 2)).toEqual(['1:0', '1:1']);
    expect(kase.entries('staff.paged')[0].data).toEqual({
      round: 1,
      level: 1,
      repeat: 0,
      outcome: 'PAGED',
      usernames: ['level1.person'],
      routes: ['webhook'],
      unreachable: [],
      failed: [],
    });
    expect(kase.entries('staff.paged')[0].stepKey).toBe('staff.paged:1:1:0');
  });

  it('an acknowledgement stops the repeats at its level, and is logged once per person', async () => {
    const kase = await emergency(400);
    await kase.waitFor('staff.paged');
    const answer = await kase.send(acknowledgePageUpdate, CAT, {});
    expect(answer).toMatchObject({ round: 1, level: 1, acknowledgedBy: CAT.username });
    expect(Date.parse(answer.acknowledgedAt)).not.toBeNaN();
    await kase.send(acknowledgePageUpdate, CAT, {});
    await kase.send(acknowledgePageUpdate, DAN, {});
    await pause(1_200); // three ack timeouts
    expect(suite.deliveries.pagesOf(kase.caseId)).toEqual(['1:0']);
    expect(kase.entries('review.acknowledged').map((e) => [e.stepKey, e.actor, e.data])).toEqual([
      ['review.acknowledged:1:1:oncall.cat', CAT.username, { round: 1, level: 1, acknowledgedBy: CAT.username }],
      ['review.acknowledged:1:1:supervisor.dan', DAN.username, { round: 1, level: 1, acknowledgedBy: DAN.username }],
    ]);
  });

  it('the deadline reaches supervisors, then the lead, who is paged until a decision stops everything', async () => {
    const kase = await emergency(1_000, 2_500);
    await eventually('a repeat at level 3', () => suite.deliveries.pagesOf(kase.caseId).includes('3:1'));
    const pages = suite.deliveries.pagesOf(kase.caseId);
    // Level 1 until the deadline (a repeat at least: 2.5 s at 1 s each), then 2 once, then 3 again and again.
    const atLevel1 = pages.filter((p) => p.startsWith('1:'));
    expect(atLevel1.length).toBeGreaterThanOrEqual(2);
    expect(pages.slice(0, atLevel1.length + 3)).toEqual([...atLevel1.map((_, i) => `1:${i}`), '2:0', '3:0', '3:1']);
    // The emergency's escalation is still logged; its supervisors were paged, not sent a separate alert.
    expect(kase.entries('review.escalated').length).toBeGreaterThanOrEqual(1);
    expect(suite.deliveries.noticed(kase.caseId, 'review.escalated:1:1')).toBe(false);
    await kase.send(m.submitReviewUpdate, DAN, { decision: 'APPROVE' });
    const after = suite.deliveries.pagesOf(kase.caseId).length;
    await pause(2_500);
    expect(suite.deliveries.pagesOf(kase.caseId)).toHaveLength(after);
    expect(kase.entries('staff.paged')).toHaveLength(after);
    expect(await kase.runningTimers()).toEqual([]);
  });

  it('nobody on call: logged, and level 2 is paged at once rather than at the deadline', async () => {
    suite.deliveries.nobodyAt.add(1);
    const kase = await emergency(NEVER);
    await kase.waitFor('staff.paged', 2);
    expect(kase.entries('staff.paged').map((e) => [e.data.level, e.data.outcome, e.data.usernames])).toEqual([
      [1, 'NOBODY', []],
      [2, 'PAGED', ['level2.person']],
    ]);
    expect(suite.deliveries.pagesOf(kase.caseId)).toEqual(['2:0']);
    const answer = await kase.send(acknowledgePageUpdate, DAN, {});
    expect(answer.level).toBe(2);
  });

  it('a pager that fails every attempt is logged as such, and the next level is paged at once', async () => {
    suite.deliveries.pagerDownAt.add(1);
    try {
      const kase = await emergency(NEVER);
      await kase.waitFor('staff.paged', 2);
      expect(kase.entries('staff.paged').map((e) => [e.data.level, e.data.outcome, e.data.usernames])).toEqual([
        [1, 'PAGER_FAILED', []],
        [2, 'PAGED', ['level2.person']],
      ]);
    } finally {
      suite.deliveries.pagerDownAt.clear();
    }
  });

  it('a page sent whose entry its activity could not write is logged by the workflow as paged, once', async () => {
    suite.deliveries.logDownAfterDelivery = true;
    try {
      const kase = await emergency(NEVER);
      await kase.waitFor('staff.paged');
      await kase.send(m.submitReviewUpdate, CAT, { decision: 'APPROVE' });
      expect(suite.deliveries.pagesOf(kase.caseId)).toEqual(['1:0']);
      expect(kase.entries('staff.paged').map((e) => [e.stepKey, e.data.outcome, e.data.usernames])).toEqual([
        ['staff.paged:1:1:0', 'PAGED', ['level1.person']],
      ]);
    } finally {
      suite.deliveries.logDownAfterDelivery = false;
    }
  });

  it('only someone who may take the waiting review may acknowledge it', async () => {
    const opened = await suite.open();
    expect(await opened.refusal(acknowledgePageUpdate, CAT, {})).toMatchObject({ type: 'NOT_CURRENT_STEP' });
    const kase = await suite.open({ timings: { pageAckTimeoutMs: NEVER } });
    await kase.send(m.submitAssessmentUpdate, LEE, EMERGENCY);
    await kase.waitFor('staff.paged');
    expect(await kase.refusal(acknowledgePageUpdate, LEE, {})).toMatchObject({ type: 'FORBIDDEN' }); // four eyes
    expect(await kase.refusal(acknowledgePageUpdate, AMY, {})).toMatchObject({ type: 'FORBIDDEN' });
    await kase.send(m.submitReviewUpdate, CAT, { decision: 'APPROVE' });
    expect(await kase.refusal(acknowledgePageUpdate, DAN, {})).toMatchObject({ type: 'NOT_CURRENT_STEP' });
    expect(kase.entries('review.acknowledged')).toEqual([]);
  });

  it('a non-emergency review pages nobody: its supervisors are told, and may acknowledge it', async () => {
    const kase = await suite.open();
    await kase.send(m.submitAssessmentUpdate, AMY, NON_EMERGENCY);
    await eventually('the supervisors told', () => suite.deliveries.noticed(kase.caseId, 'review.requested:1'));
    expect(suite.deliveries.staffNotices.find((n) => n.caseId === kase.caseId)).toMatchObject({ role: 'supervisor' });
    expect(await kase.refusal(acknowledgePageUpdate, CAT, {})).toMatchObject({ type: 'FORBIDDEN' });
    const answer = await kase.send(acknowledgePageUpdate, DAN, {});
    expect(answer).not.toHaveProperty('level');
    expect(kase.entries('review.acknowledged')[0].data).toEqual({
      round: 1,
      level: null,
      acknowledgedBy: DAN.username,
    });
    expect(suite.deliveries.pagesOf(kase.caseId)).toEqual([]);
  });

  it('a failed notification to the young person is brought to the officers', async () => {
    suite.deliveries.unreachable.add('email');
    try {
      const kase = await suite.open({ row: { subjectContact: { email: 'sam@example.org' } } });
      await kase.send(m.submitAssessmentUpdate, AMY, EMERGENCY);
      await kase.send(m.submitReviewUpdate, CAT, { decision: 'APPROVE' });
      await kase.send(m.recordReferralUpdate, AMY, {
        agency: 'EMERGENCY_SERVICES',
        method: 'PHONE',
        sharedData: SHARED,
      });
      await eventually('the officers told', () =>
        suite.deliveries.noticed(kase.caseId, 'notification-failed:EMERGENCY_SERVICES'),
      );
      expect(suite.deliveries.staffNotices.filter((n) => n.caseId === kase.caseId).map((n) => n.role)).toEqual([
        'officer',
      ]);
    } finally {
      suite.deliveries.unreachable.delete('email');
    }
  });
});
