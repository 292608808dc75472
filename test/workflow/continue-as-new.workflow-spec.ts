import * as m from '../../workflows/case/case.messages';
import type { AssessmentInput, CaseUpdate } from '../../workflows/case/case.types';
import { EMERGENCY, SHARED } from './support/assessments';
import { AMY, CAT } from './support/actors';
import { CaseSuite, eventually, refusalOf } from './support/case-suite';

let suite: CaseSuite;
beforeAll(async () => (suite = await CaseSuite.start()));
afterAll(() => suite?.stop());

/** Low enough that a few escalations pass it (an escalation adds about ten events). */
const HISTORY_EVENTS_LIMIT = 60;
const SECOND = { EMERGENCY: 1000, NON_EMERGENCY: 1000, NONE: 1000 };

describe('case workflow: continue-as-new', () => {
  it('an unreviewed emergency escalates past the limit, continues as new with its state, then closes normally', async () => {
    const kase = await suite.open({
      timings: { reviewDeadlineMs: SECOND, historyEventsLimit: HISTORY_EVENTS_LIMIT, feedbackRequestDelayMs: 200 },
    });
    const firstRunId = (await kase.handle.describe()).runId;
    const assessment: CaseUpdate<AssessmentInput> = kase.envelope(AMY, EMERGENCY);
    await kase.sendEnvelope(m.submitAssessmentUpdate, assessment);
    const before = await kase.state();

    await eventually(
      'a second run of the case',
      async () => (await kase.handle.describe()).runId !== firstRunId,
      30_000,
    );
    const first = await suite.client.workflow.getHandle(kase.handle.workflowId, firstRunId).describe();
    expect(first.status.name).toBe('CONTINUED_AS_NEW');
    expect(first.historyLength).toBeGreaterThanOrEqual(HISTORY_EVENTS_LIMIT);
    // The new run keeps escalating from where the first stopped.
    const carriedOver = (await kase.handle.query(m.caseStateQuery)).escalations;
    await kase.waitFor('review.escalated', carriedOver + 1);

    const after = await kase.state();
    expect(after).toMatchObject({
      caseId: kase.caseId,
      status: 'AWAITING_REVIEW',
      round: 1,
      assessedBy: AMY.username,
      reviewDeadline: before.reviewDeadline,
      recommendation: before.recommendation,
    });
    expect(after.escalations).toBeGreaterThan(carriedOver);
    // One escalation per interval, numbered on across the runs: none repeated, none skipped.
    const escalations = kase.entries('review.escalated').map((e) => e.data.escalation);
    expect(escalations).toEqual(Array.from({ length: escalations.length }, (_, i) => i + 1));
    // The request ids spent before go with the case: the assessment's payload is refused by the new run.
    const replayed = await refusalOf(kase.sendEnvelope(m.submitAssessmentUpdate, assessment));
    expect(replayed).toMatchObject({ type: 'FORBIDDEN', message: expect.stringMatching(/already used/) });

    await kase.send(m.submitReviewUpdate, CAT, { decision: 'APPROVE' });
    await kase.send(m.recordReferralUpdate, AMY, { agency: 'EMERGENCY_SERVICES', method: 'PHONE', sharedData: SHARED });
    await kase.waitFor('feedback.requested');
    await kase.send(m.recordFeedbackUpdate, AMY, { agency: 'EMERGENCY_SERVICES', feedback: 'Safe' });
    await kase.closed();

    const types = kase.types().filter((t) => t !== 'review.escalated');
    expect(types.slice(0, 4)).toEqual(['case.opened', 'assessment.submitted', 'policy.evaluated', 'review.requested']);
    expect(types.filter((t) => t === 'case.opened')).toHaveLength(1);
    expect(types.slice(-1)).toEqual(['case.closed']);
    expect(kase.entries('review.decided')[0].data).toMatchObject({ round: 1, decision: 'APPROVE', level: 'EMERGENCY' });
    expect(suite.ledger.caseRow(kase.caseId)).toMatchObject({ status: 'CLOSED', escalated: false });
  });

  it('paging goes on in the next run from its level and repeat, never from level 1 again', async () => {
    const kase = await suite.open({
      timings: { reviewDeadlineMs: SECOND, historyEventsLimit: HISTORY_EVENTS_LIMIT, pageAckTimeoutMs: 300 },
    });
    const firstRunId = (await kase.handle.describe()).runId;
    await kase.send(m.submitAssessmentUpdate, AMY, EMERGENCY);
    await eventually(
      'a second run of the case',
      async () => (await kase.handle.describe()).runId !== firstRunId,
      30_000,
    );
    const atSwitch = suite.deliveries.pagesOf(kase.caseId).length;
    await eventually('two pages from the new run', () => suite.deliveries.pagesOf(kase.caseId).length >= atSwitch + 2);
    await kase.send(m.submitReviewUpdate, CAT, { decision: 'APPROVE' });

    // A page in flight when the run continued is asked for again by the next run (the pager keys it, so it goes
    // once): nothing is skipped.
    const calls = suite.deliveries.pageCalls.filter((c) => c.startsWith(`${kase.caseId}:`));
    expect(calls.length - new Set(calls).size).toBeLessThanOrEqual(1);
    const pages = suite.deliveries.pagesOf(kase.caseId).map((p) => p.split(':').map(Number));
    const levels = pages.map(([level]) => level);
    expect(levels).toEqual([...levels].sort()); // 1s, then 2, then 3s: never back to level 1
    for (const level of [1, 2, 3]) {
      const repeats = pages.filter(([l]) => l === level).map(([, repeat]) => repeat);
      expect({ level, repeats }).toEqual({ level, repeats: repeats.map((_, i) => i) }); // numbered on, none skipped
    }
    expect(levels.slice(atSwitch).every((level) => level >= levels[atSwitch - 1])).toBe(true);
  });
});
