import { randomUUID } from 'node:crypto';
import { request } from '../support/http';
import { e2eEnv } from '../support/env';
import { assess, call, caseView, DAN, EVE, expectAnswer, openCase } from '../support/lifecycle-api';
import { staffHeaders } from '../support/staff';
import { completeTask, openTask } from './read-model-tasks';

/** Issue 12: what the console's queue and case page read — open tasks, the queue's order, prior cases. */
const { apiUrl } = e2eEnv();

interface QueueLine {
  id: string;
  status: string;
  level: string | null;
  escalated: boolean;
  reviewDeadline: string | null;
  createdAt: string;
}

/** The queue's order, written out independently of the SQL: most urgent first. */
function urgency(c: QueueLine): number[] {
  const emergencyReview = c.status === 'AWAITING_REVIEW' && c.level === 'EMERGENCY';
  const levelRank = { EMERGENCY: 0, NON_EMERGENCY: 1, NONE: 3 }[c.level ?? ''] ?? 2;
  return [
    emergencyReview ? 0 : 1,
    emergencyReview && c.reviewDeadline ? Date.parse(c.reviewDeadline) : Number.MAX_SAFE_INTEGER,
    c.status === 'CLOSED' ? 1 : 0,
    c.escalated ? 0 : 1,
    levelRank,
    Date.parse(c.createdAt),
  ];
}

function firstOutOfOrder(lines: QueueLine[]): [QueueLine, QueueLine] | undefined {
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [urgency(lines[i - 1]), urgency(lines[i])];
    const k = a.findIndex((v, j) => v !== b[j]);
    if (k >= 0 && a[k] > b[k]) return [lines[i - 1], lines[i]];
  }
  return undefined;
}

describe('GET /tasks?status=open', () => {
  it('lists open tasks of every case, soonest due first, undated last, without the done ones', async () => {
    const { caseId } = await openCase({ age: 15 });
    const hour = 3_600_000;
    const later = await openTask(caseId, 'FEEDBACK', new Date(Date.now() + 2 * hour));
    const sooner = await openTask(caseId, 'CHECK_IN', new Date(Date.now() + hour));
    const undated = await openTask(caseId, 'NOTIFICATION_FAILED', null);
    const done = await openTask(caseId, 'CHECK_IN', new Date(Date.now() + hour));
    await completeTask(done);
    try {
      const answer = await request(apiUrl, 'GET', '/tasks?status=open', { headers: await staffHeaders('oncall.cat') });
      expectAnswer(answer, 200);
      const items = answer.body.items as { id: string; dueAt: string | null }[];
      const mine = items.filter((t) => [later, sooner, undated, done].includes(t.id)).map((t) => t.id);
      expect(mine).toEqual([sooner, later, undated]);
      expect(items.find((t) => t.id === sooner)).toEqual({
        id: sooner,
        caseId,
        kind: 'CHECK_IN',
        dueAt: expect.any(String),
        status: 'open',
      });
      const dated = items.filter((t) => t.dueAt !== null).map((t) => Date.parse(t.dueAt!));
      expect(dated).toEqual([...dated].sort((a, b) => a - b));
      expect(items.slice(items.findIndex((t) => t.dueAt === null)).every((t) => t.dueAt === null)).toBe(true);
    } finally {
      for (const id of [later, sooner, undated]) await completeTask(id);
    }
  });

  it('needs status=open, and says so', async () => {
    const officer = await staffHeaders('officer.amy');
    for (const query of ['', '?status=done', '?status=open&extra=1']) {
      const answer = await request(apiUrl, 'GET', `/tasks${query}`, { headers: officer });
      expect([query, answer.status]).toEqual([query, 400]);
    }
  });
});

describe('GET /cases: the queue, most urgent first', () => {
  it('puts emergency reviews awaiting a decision on top, then orders by escalation, level and age', async () => {
    const emergency = await openCase({ age: 15 });
    expectAnswer(await assess(emergency.caseId, { age: 15, indicators: ['SUICIDE_PLAN_IMMEDIATE'] }), 200);
    const other = await openCase({ age: 15 });
    const page = await call(DAN, 'GET', '/cases?limit=200');
    expectAnswer(page, 200);
    const lines = page.body.items as QueueLine[];
    expect(firstOutOfOrder(lines)).toBeUndefined();
    expect(lines[0]).toMatchObject({ status: 'AWAITING_REVIEW', level: 'EMERGENCY' });
    const position = (id: string) => lines.findIndex((c) => c.id === id);
    if (position(other.caseId) >= 0) expect(position(emergency.caseId)).toBeLessThan(position(other.caseId));
  });

  it('keeps that order within a filter', async () => {
    for (const query of [
      'status=AWAITING_REVIEW',
      'level=EMERGENCY',
      'escalated=false',
      'status=AWAITING_ASSESSMENT',
    ]) {
      const page = await call(DAN, 'GET', `/cases?${query}&limit=200`);
      expectAnswer(page, 200);
      const [key, value] = query.split('=');
      expect((page.body.items as Record<string, unknown>[]).every((c) => String(c[key]) === value)).toBe(true);
      expect(firstOutOfOrder(page.body.items)).toBeUndefined();
    }
  });
});

describe("GET /cases/:id: the young person's prior cases", () => {
  it('lists their earlier cases, newest first, with status, level and when each opened', async () => {
    const user = `user-${randomUUID()}`;
    const first = await openCase({ user, age: 15 });
    const second = await openCase({ user, age: 15 });
    const third = await openCase({ user, age: 15 });
    const view = await caseView(third.caseId, EVE);
    expect(view.priorCases).toEqual([
      { id: second.caseId, status: 'AWAITING_ASSESSMENT', level: null, openedAt: expect.any(String) },
      { id: first.caseId, status: 'AWAITING_ASSESSMENT', level: null, openedAt: expect.any(String) },
    ]);
    expect(Date.parse(view.priorCases[0].openedAt)).toBeGreaterThan(Date.parse(view.priorCases[1].openedAt));
    expect((await caseView(first.caseId)).priorCases).toEqual([]);
  });
});
