import { randomUUID } from 'node:crypto';
import { e2eEnv } from './support/env';
import {
  assess,
  call,
  CAT,
  expectAnswer,
  openCase,
  refer,
  review,
  waitForEntry,
  waitForStatus,
} from './support/lifecycle-api';
import { labelValues, sampleSum, scrape } from './support/prometheus';

/**
 * Issue 14, item 2: GET /metrics on the API and on the worker's own port, scraped before and after a lifecycle.
 * The young person's platform refuses the first two deliveries (`flaky-…`), so the worker's delivery activity
 * really fails and retries: its failures and attempt numbers must show.
 */
const { apiUrl, workerUrl } = e2eEnv();
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

let api: { before: string; after: string };
let worker: { before: string; after: string };
let caseId: string;

beforeAll(async () => {
  if (!workerUrl) throw new Error('The stack did not say where the worker listens (E2E_WORKER_URL)');
  api = { before: await scrape(apiUrl), after: '' };
  worker = { before: await scrape(workerUrl), after: '' };
  ({ caseId } = await openCase({ user: `flaky-${randomUUID()}`, age: 15 }));
  expectAnswer(await assess(caseId, { age: 15, indicators: ['SUICIDE_PLAN_IMMEDIATE'] }), 200);
  expectAnswer(await review(caseId, CAT, { decision: 'APPROVE' }), 200);
  const sharedData = { concernSummary: 'Plan tonight' };
  expectAnswer(await refer(caseId, { agency: 'EMERGENCY_SERVICES', method: 'PHONE', sharedData }), 201);
  await waitForEntry(caseId, 'subject.notified', () => true, 30_000);
  await waitForStatus(caseId, 'AWAITING_FEEDBACK');
  api.after = await scrape(apiUrl);
  worker.after = await scrape(workerUrl);
});

const moved = (scrapes: { before: string; after: string }, name: string, labels: Record<string, string> = {}) =>
  sampleSum(scrapes.after, name, labels) - sampleSum(scrapes.before, name, labels);

describe('API /metrics (issue 14)', () => {
  it('counts the intake and times requests by route template and status', () => {
    expect(moved(api, 'safeguarding_intake_total', { outcome: 'created', channel: 'boards' })).toBeGreaterThanOrEqual(
      1,
    );
    const route = (r: string, status = '200') => ({ route: r, status });
    expect(
      moved(api, 'safeguarding_http_request_duration_seconds_count', route('/disclosures', '201')),
    ).toBeGreaterThanOrEqual(1);
    expect(
      moved(api, 'safeguarding_http_request_duration_seconds_count', route('/cases/:id/assessment')),
    ).toBeGreaterThanOrEqual(1);
    expect(
      moved(api, 'safeguarding_http_request_duration_seconds_count', route('/cases/:id/referrals', '201')),
    ).toBeGreaterThanOrEqual(1);
  });

  it('never labels a sample with a raw path, a case id or anything a person wrote', () => {
    expect(api.after).toContain('route="/cases/:id"');
    expect(labelValues(api.after).filter((v) => UUID.test(v))).toEqual([]);
    expect(api.after).not.toContain(caseId);
  });

  it('shows what waits for people: reviews awaiting, the oldest undecided emergency, open escalations', async () => {
    const waiting = await openCase({ age: 15 });
    expectAnswer(await assess(waiting.caseId, { age: 15, indicators: ['OVERDOSE'] }), 200);
    await new Promise((r) => setTimeout(r, 2000));
    const text = await scrape(apiUrl);
    expectAnswer(await review(waiting.caseId, CAT, { decision: 'APPROVE' }), 200); // it need not wait any longer
    expect(sampleSum(text, 'safeguarding_read_model_up')).toBe(1);
    expect(sampleSum(text, 'safeguarding_reviews_awaiting', { level: 'EMERGENCY' })).toBeGreaterThanOrEqual(1);
    expect(sampleSum(text, 'safeguarding_oldest_emergency_review_age_seconds')).toBeGreaterThanOrEqual(2);
    expect(text).toContain('# TYPE safeguarding_cases_escalated_open gauge');
  });
});

describe("worker /metrics on the worker's own port (issue 14)", () => {
  it('counts the steps written, by log entry type', () => {
    for (const type of [
      'case.opened',
      'assessment.submitted',
      'review.decided',
      'referral.recorded',
      'subject.notified',
    ])
      expect({ type, moved: moved(worker, 'safeguarding_case_steps_total', { type }) >= 1 }).toEqual({
        type,
        moved: true,
      });
  });

  it('shows a step that fails and retries: its failures, and attempts numbered above 1', () => {
    const activity = 'deliverNotificationAndRecord'; // since case-workflow-v3 the delivery writes its own entry
    expect(
      moved(worker, 'safeguarding_activity_failures_total', { activity, kind: 'retryable' }),
    ).toBeGreaterThanOrEqual(2);
    expect(moved(worker, 'safeguarding_activity_attempts_total', { activity })).toBeGreaterThanOrEqual(3);
    const started = moved(worker, 'safeguarding_activity_attempt_count', { activity });
    const firstAttempts = moved(worker, 'safeguarding_activity_attempt_bucket', { activity, le: '1' });
    expect(started - firstAttempts).toBeGreaterThanOrEqual(2); // the retries: attempts 2 and 3
  });

  it("includes the Temporal SDK's own metrics", () => {
    expect(sampleSum(worker.after, 'safeguarding_temporal_sdk_metrics_up')).toBe(1);
    expect(worker.after).toMatch(/^temporal_worker_task_slots_available\{/m);
    expect(moved(worker, 'temporal_activity_execution_latency_count')).toBeGreaterThan(0);
  });

  it('answers liveness and readiness', async () => {
    expect(await (await fetch(`${workerUrl}/health/live`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${workerUrl}/health/ready`);
    expect({ status: ready.status, body: await ready.json() }).toEqual({
      status: 200,
      body: { status: 'ready', worker: 'RUNNING', db: 'up', temporal: 'up' },
    });
  });
});

describe('API health (issue 14)', () => {
  it('answers liveness and readiness beside GET /health', async () => {
    expectAnswer(await call(undefined, 'GET', '/health/live'), 200);
    const ready = await call(undefined, 'GET', '/health/ready');
    expect(ready).toEqual({ status: 200, body: { status: 'ready', db: 'up', temporal: 'up' } });
  });
});
