import { randomUUID } from 'node:crypto';
import { e2eEnv } from './support/env';
import { request } from './support/http';
import {
  AMY,
  assess,
  call,
  CAT,
  DAN,
  EVE,
  expectAnswer,
  feedback,
  openCase,
  refer,
  review,
  waitForEntry,
} from './support/lifecycle-api';
import { countFromLog, logEntriesAround, percentile } from './support/report-count';
import { staffHeaders } from './support/staff';

/**
 * Issue 14, item 1: GET /reports/summary, computed from the case log. Cases go through real lifecycles (second-long
 * deadlines), then the report over their time range is checked against an independent count from the raw log:
 * totals, breakdowns and percentiles. Other test files may write cases meanwhile; the independent count covers
 * everything in the range, so the comparison holds whoever wrote the entries.
 */
const { databaseUrl } = e2eEnv();
const EMERGENCY = { age: 15, indicators: ['SUICIDE_PLAN_IMMEDIATE'] };
const PHONE_999 = { agency: 'EMERGENCY_SERVICES', method: 'PHONE', sharedData: { concernSummary: 'Plan tonight' } };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function emergencyDecidedAtOnce(): Promise<void> {
  const { caseId } = await openCase({ age: 15 });
  expectAnswer(await assess(caseId, EMERGENCY), 200);
  expectAnswer(await review(caseId, CAT, { decision: 'APPROVE' }), 200);
  expectAnswer(await refer(caseId, PHONE_999), 201);
  await waitForEntry(caseId, 'subject.notified');
  expectAnswer(await feedback(caseId, 'EMERGENCY_SERVICES'), 200);
}

async function emergencyDecidedLateWithDeferral(): Promise<void> {
  const { caseId } = await openCase({ channel: 'group_chat', age: 15 });
  expectAnswer(await assess(caseId, EMERGENCY), 200);
  await waitForEntry(caseId, 'review.escalated');
  const reviewAt = new Date(Date.now() + 3_600_000).toISOString();
  const deferNotification = { reason: 'Her stepfather reads her messages.', reviewAt };
  expectAnswer(await review(caseId, CAT, { decision: 'APPROVE', deferNotification }), 200);
  expectAnswer(await refer(caseId, { ...PHONE_999, removedFromRoom: true }), 201);
}

async function nonEmergencyWithoutContact(): Promise<void> {
  const { caseId } = await openCase({ age: 15, contact: null });
  expectAnswer(await assess(caseId, { age: 15, indicators: ['ONGOING_ABUSE'] }), 200);
  expectAnswer(await review(caseId, DAN, { decision: 'APPROVE' }), 200);
  const police = { agency: 'POLICE_NON_EMERGENCY', method: 'PHONE', sharedData: { concernSummary: 'Ongoing abuse' } };
  expectAnswer(await refer(caseId, police), 201);
  await waitForEntry(caseId, 'subject.notification_not_possible');
}

async function chatbotNotReferred(): Promise<void> {
  const { caseId } = await openCase({ channel: 'chatbot', age: 15 });
  expectAnswer(await assess(caseId, EMERGENCY), 200);
  expectAnswer(await review(caseId, DAN, { decision: 'APPROVE', reason: 'The chatbot is not monitored.' }), 200);
  await waitForEntry(caseId, 'case.closed');
}

async function platformDown(): Promise<void> {
  const { caseId } = await openCase({ user: `down-${randomUUID()}`, channel: 'helpline', age: 15 });
  expectAnswer(await assess(caseId, EMERGENCY), 200);
  expectAnswer(await review(caseId, CAT, { decision: 'REQUEST_MORE_INFO', reason: 'Where are they now?' }), 200);
  expectAnswer(await assess(caseId, EMERGENCY, AMY), 200);
  expectAnswer(await review(caseId, DAN, { decision: 'APPROVE' }), 200);
  expectAnswer(await refer(caseId, PHONE_999), 201);
  await waitForEntry(caseId, 'subject.notification_failed');
}

let from: Date;
let to: Date;
let report: any;

beforeAll(async () => {
  from = new Date(Date.now() - 1000);
  await Promise.all([
    emergencyDecidedAtOnce(),
    emergencyDecidedLateWithDeferral(),
    nonEmergencyWithoutContact(),
    chatbotNotReferred(),
    platformDown(),
  ]);
  to = new Date(Date.now() + 1000);
  await sleep(to.getTime() - Date.now() + 2000); // nothing can still be written before `to`
  const answer = await call(
    EVE,
    'GET',
    `/reports/summary?from=${from.toISOString()}&to=${to.toISOString()}&interval=week`,
  );
  expectAnswer(answer, 200);
  report = answer.body;
});

describe('GET /reports/summary (issue 14)', () => {
  it('counts what the log holds: totals and breakdowns match an independent count', async () => {
    const counted = countFromLog(await logEntriesAround(databaseUrl, from, to), from, to);
    const { total } = report;
    expect(total.disclosures).toEqual({ total: counted.disclosures, byChannel: counted.disclosuresByChannel });
    expect(total.decisions.byLevel).toEqual(counted.decisionsByLevel);
    expect(total.decisions.byChannel).toEqual(counted.decisionsByChannel);
    expect(total.decisions.byPolicyVersionAndLevel).toEqual(counted.decisionsByPolicyVersionAndLevel);
    expect(total.decisions.byAgency).toEqual(counted.decisionsByAgency);
    expect(total.escalations.byLevel).toEqual(counted.escalationsByLevel);
    expect(total.notifications).toMatchObject({
      told: counted.told,
      notPossible: counted.notPossible,
      failed: counted.failed,
      deferred: counted.deferred,
    });
    expect(total.feedback).toEqual({ received: counted.feedbackReceived, notReceived: counted.feedbackNotReceived });
    expect(total.reviews.emergencyDecidedWithinDeadline).toMatchObject({
      decided: counted.emergencyDecided,
      withinDeadline: counted.emergencyInTime,
    });

    // What these cases did is in it (others may have added to it).
    expect(total.disclosures.total).toBeGreaterThanOrEqual(5);
    expect(total.disclosures.byChannel.group_chat).toBeGreaterThanOrEqual(1);
    expect(total.decisions.byLevel.EMERGENCY).toBeGreaterThanOrEqual(3);
    expect(total.decisions.byLevel.NONE).toBeGreaterThanOrEqual(1);
    expect(total.decisions.byPolicyVersionAndLevel['unified EMERGENCY']).toBeGreaterThanOrEqual(3);
    expect(total.escalations.byLevel.EMERGENCY).toBeGreaterThanOrEqual(1);
    expect(total.reviews.emergencyDecidedWithinDeadline.withinDeadline).toBeLessThan(
      total.reviews.emergencyDecidedWithinDeadline.decided,
    );
    for (const figure of ['told', 'notPossible', 'failed', 'deferred'])
      expect({ figure, atLeastOne: total.notifications[figure] >= 1 }).toEqual({ figure, atLeastOne: true });
  });

  it('gives p50 and p95 times by level as continuous percentiles of the log', async () => {
    const counted = countFromLog(await logEntriesAround(databaseUrl, from, to), from, to);
    const timings = (samples: Record<string, number[]>) =>
      Object.fromEntries(
        Object.entries(samples).map(([level, s]) => [
          level,
          { count: s.length, p50: percentile(s, 0.5)!, p95: percentile(s, 0.95)! },
        ]),
      );
    const compare = (
      actual: Record<string, any>,
      expected: Record<string, { count: number; p50: number; p95: number }>,
    ) => {
      expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
      for (const [level, e] of Object.entries(expected)) {
        expect({ level, count: actual[level].count }).toEqual({ level, count: e.count });
        expect(actual[level].p50Seconds).toBeCloseTo(e.p50, 2);
        expect(actual[level].p95Seconds).toBeCloseTo(e.p95, 2);
      }
    };
    compare(report.total.reviews.timeToDecide, timings(counted.decideSeconds));
    compare(report.total.decisionToReferral, timings(counted.referralSeconds));
    // The late emergency waited past its four-second deadline, so emergency review times are spread out.
    expect(Math.max(...counted.decideSeconds.EMERGENCY)).toBeGreaterThan(4);
    const { p50Seconds, p95Seconds } = report.total.reviews.timeToDecide.EMERGENCY;
    expect(p95Seconds).toBeGreaterThan(p50Seconds);
  });

  it('splits the range into weeks whose figures add up to the whole', () => {
    expect(report.periods.length).toBeGreaterThanOrEqual(1);
    expect(report.periods[0].start).toBe(from.toISOString());
    expect(report.periods.at(-1).end).toBe(to.toISOString());
    const sum = (pick: (s: any) => number) => report.periods.reduce((n: number, p: any) => n + pick(p), 0);
    expect(sum((p) => p.disclosures.total)).toBe(report.total.disclosures.total);
    expect(sum((p) => p.decisions.total)).toBe(report.total.decisions.total);
    expect(sum((p) => p.escalations.total)).toBe(report.total.escalations.total);
  });

  it('answers CSV with Accept: text/csv, one figure per row, the same figures', async () => {
    const path = `/reports/summary?from=${from.toISOString()}&to=${to.toISOString()}&interval=month`;
    const response = await fetch(`${e2eEnv().apiUrl}${path}`, {
      headers: { ...(await staffHeaders('supervisor.dan')), Accept: 'text/csv' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe('scope,period_start,period_end,measure,value');
    const totals = new Map(
      lines
        .slice(1)
        .map((l) => l.split(','))
        .filter(([scope]) => scope === 'total')
        .map(([, , , measure, value]) => [measure, value]),
    );
    expect(totals.get('disclosures.total')).toBe(String(report.total.disclosures.total));
    expect(totals.get('decisions.byLevel.EMERGENCY')).toBe(String(report.total.decisions.byLevel.EMERGENCY));
    expect(totals.get('notifications.failed')).toBe(String(report.total.notifications.failed));
  });

  it.each([
    ['to before from', 'from=2026-11-20T00:00:00Z&to=2026-11-01T00:00:00Z&interval=week', 'to'],
    ['an unknown interval', 'from=2026-11-01T00:00:00Z&to=2026-11-20T00:00:00Z&interval=day', 'interval'],
    ['a span of ten years', 'from=2016-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&interval=month', 'to'],
    ['a date without a zone', 'from=2026-11-01T00:00:00&to=2026-11-20T00:00:00Z&interval=week', 'from'],
    ['a missing bound', 'from=2026-11-01T00:00:00Z&interval=week', 'to'],
    ['an unknown parameter', 'from=2026-11-01T00:00:00Z&to=2026-11-20T00:00:00Z&interval=week&level=NONE', 'level'],
  ])('refuses %s with 400 naming the field', async (_what, query, field) => {
    const answer = await call(DAN, 'GET', `/reports/summary?${query}`);
    expectAnswer(answer, 400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('is for supervisors and auditors only', async () => {
    const query = 'from=2026-11-01T00:00:00Z&to=2026-11-20T00:00:00Z&interval=week';
    expectAnswer(await call(AMY, 'GET', `/reports/summary?${query}`), 403);
    expectAnswer(await call(CAT, 'GET', `/reports/summary?${query}`), 403);
    expectAnswer(await request(e2eEnv().apiUrl, 'GET', `/reports/summary?${query}`), 401);
  });
});
