import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { DEFAULT_CALENDAR } from '@sg/policy';
import type { StepRecord } from '@sg/workflows/case/case.activities';
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

describe('recordSteps', () => {
  const step = (stepKey: string, extra: Partial<StepRecord> = {}): StepRecord => ({
    stepKey,
    actor: 'system',
    type: stepKey.split(':')[0],
    data: {},
    ...extra,
  });

  it('writes steps in order with their tasks; a retried step does not re-apply its read model over later ones', async () => {
    const decided = step('review.decided:1', { readModel: { status: 'AWAITING_REFERRAL' } });
    await run(() => records.recordSteps({ caseId: CASE, steps: [decided] }));
    const fed = step('referral.recorded:X', {
      readModel: { status: 'AWAITING_FEEDBACK' },
      openTasks: [{ key: 'feedback:X', kind: 'FEEDBACK', role: 'officer', description: 'Ask X' }],
    });
    await run(() => records.recordSteps({ caseId: CASE, steps: [fed] }));
    await run(() => records.recordSteps({ caseId: CASE, steps: [decided] })); // a retry, late
    expect(types()).toEqual(['review.decided', 'referral.recorded']);
    expect(ledger.caseRow(CASE).status).toBe('AWAITING_FEEDBACK');
    await run(() =>
      records.recordSteps({ caseId: CASE, steps: [step('feedback.received:X', { completeTasks: ['feedback:X'] })] }),
    );
    expect(ledger.tasks(CASE)).toEqual([expect.objectContaining({ key: 'feedback:X', completed: true })]);
  });

  it('prepares what the young person is told from the referral just recorded, in the same transaction', async () => {
    const shared = { name: 'Sam' };
    const referral = step('referral.recorded:EMERGENCY_SERVICES', {
      data: { agency: 'EMERGENCY_SERVICES', sharedData: shared },
    });
    const request = { caseId: CASE, agency: 'EMERGENCY_SERVICES' as const, level: 'EMERGENCY' as const, reason: 'Why' };
    const prepared = await run(() => records.recordSteps({ caseId: CASE, steps: [referral], prepare: [request] }));
    expect(prepared).toEqual([
      {
        outcome: 'SEND',
        agency: 'EMERGENCY_SERVICES',
        route: 'platform',
        notification: expect.objectContaining({ externalUserId: `user-${CASE}`, sharedData: shared, reason: 'Why' }),
      },
    ]);
    expect(ledger.transactions).toBe(1);
  });

  it('with no contact route, logs that the young person cannot be told', async () => {
    ledger.addCase({ id: CASE, subjectContact: {} });
    const request = { caseId: CASE, agency: 'SOCIAL_WORKER' as const, level: 'NON_EMERGENCY' as const, reason: 'Why' };
    const prepared = await run(() => records.recordSteps({ caseId: CASE, steps: [], prepare: [request] }));
    expect(prepared).toEqual([{ outcome: 'NOT_POSSIBLE', agency: 'SOCIAL_WORKER' }]);
    expect(types()).toEqual(['subject.notification_not_possible']);
  });

  it('all or nothing: when preparing fails, the steps before it are not written either', async () => {
    const request = { caseId: CASE, agency: 'SOCIAL_WORKER' as const, level: 'NON_EMERGENCY' as const, reason: 'Why' };
    const failed = run(() =>
      records.recordSteps({ caseId: CASE, steps: [step('involvement.recorded:1')], prepare: [request] }),
    );
    await expect(failed).rejects.toMatchObject({ type: 'NO_REFERRAL' });
    expect(types()).toEqual([]);
  });
});
