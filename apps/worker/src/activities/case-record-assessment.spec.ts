import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { DEFAULT_CALENDAR } from '@sg/policy';
import type { AssessmentRequest } from '@sg/workflows/case/case.activities';
import type { CaseTimings } from '@sg/workflows/case/case.types';
import { CaseRecordActivities } from './case-record.activities';
import { InMemoryLedger } from './testing/in-memory-ledger';
import { TEST_BOOKKEEPING } from './testing/bookkeeping-settings';

const CASE = '5b0e1d2c-0000-4000-8000-000000000001';
const TIMINGS: CaseTimings = {
  reviewDeadlineMs: { EMERGENCY: 300_000, NON_EMERGENCY: 86_400_000, NONE: 259_200_000 },
  checkInDelayMs: 1,
  feedbackRequestDelayMs: 1,
  feedbackWaitMs: 1,
  delivery: { initialIntervalMs: 1, maximumIntervalMs: 1, maximumAttempts: 1 },
};
const ASSESSMENT: AssessmentRequest = {
  caseId: CASE,
  round: 1,
  actor: 'officer.amy',
  assessment: {
    age: 15,
    adultAtRisk: false,
    indicators: ['SUICIDE_PLAN_IMMEDIATE'],
    declaredSafe: false,
    informationComplete: true,
    hasSocialWorker: false,
    notes: 'From the transcript',
  },
  reviewDeadlineMs: TIMINGS.reviewDeadlineMs,
  submittedAt: '2026-11-20T21:10:00.000Z',
};

let ledger: InMemoryLedger;
let records: CaseRecordActivities;
// Quiet: the failures some tests expect are logged by the environment otherwise.
const env = new MockActivityEnvironment(undefined, { logger: new DefaultLogger('ERROR') });
const run = <R>(activity: () => Promise<R>): Promise<R> => env.run(activity) as Promise<R>;

beforeEach(() => {
  ledger = new InMemoryLedger();
  ledger.addCase({ id: CASE, channel: 'group_chat' });
  records = new CaseRecordActivities(ledger, TIMINGS, DEFAULT_CALENDAR, TEST_BOOKKEEPING);
});

const types = () => ledger.entries(CASE).map((e) => e.type);

describe('recordCaseOpened', () => {
  it('logs the channel, time and a fingerprint of the disclosure, never its text; once however often retried', async () => {
    await run(() => records.recordCaseOpened({ caseId: CASE }));
    await run(() => records.recordCaseOpened({ caseId: CASE }));
    const [opened] = ledger.entries(CASE);
    expect(types()).toEqual(['case.opened']);
    expect(opened.data).toEqual({
      channel: 'group_chat',
      occurredAt: '2026-11-20T21:00:00.000Z',
      submittedBy: 'platform',
      disclosureHmacSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(JSON.stringify(opened.data)).not.toContain('A disclosure');
  });
});

describe('recordAssessment', () => {
  it('records the assessment, the policy evaluation and the review request together, with the read model', async () => {
    const recorded = await run(() => records.recordAssessment(ASSESSMENT));
    expect(recorded).toEqual({
      recommendation: expect.objectContaining({ level: 'EMERGENCY', agencies: ['EMERGENCY_SERVICES'] }),
      emergencyActions: ['REMOVE_FROM_ROOM', 'NEXT_DAY_CHECK_IN'],
      reviewDeadline: '2026-11-20T21:15:00.000Z',
    });
    expect(types()).toEqual(['assessment.submitted', 'policy.evaluated', 'review.requested']);
    expect(ledger.entries(CASE)[2].data).toEqual({
      round: 1,
      level: 'EMERGENCY',
      requiredRoles: ['on_call', 'supervisor'],
      deadline: '2026-11-20T21:15:00.000Z',
    });
    expect(ledger.caseRow(CASE)).toMatchObject({
      status: 'AWAITING_REVIEW',
      level: 'EMERGENCY',
      assessedBy: 'officer.amy',
      reviewDeadlineAt: new Date('2026-11-20T21:15:00.000Z'),
    });
  });

  it('a retry answers with what the log says and writes nothing, even if the policy would now say otherwise', async () => {
    const first = await run(() => records.recordAssessment(ASSESSMENT));
    const everythingLegacy = {
      unifiedPolicyFrom: '2099-01-01T00:00:00Z',
      groupChatEmergencyFrom: '2099-01-01T00:00:00Z',
    };
    const later = new CaseRecordActivities(ledger, TIMINGS, everythingLegacy, TEST_BOOKKEEPING);
    const again = await run(() => later.recordAssessment({ ...ASSESSMENT, submittedAt: '2026-11-21T00:00:00Z' }));
    expect(again.recommendation).toEqual(first.recommendation);
    expect(again.reviewDeadline).toBe(first.reviewDeadline);
    expect(types()).toHaveLength(3);
  });

  it('an assessment the policy cannot judge fails for good (no retry) and writes nothing', async () => {
    const bad = { ...ASSESSMENT, assessment: { ...ASSESSMENT.assessment, indicators: ['NOT_AN_INDICATOR'] } };
    const failure = await run(() => records.recordAssessment(bad)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'INVALID', nonRetryable: true });
    expect(types()).toEqual([]);
  });
});
