import { Client, Connection } from '@temporalio/client';
import { Pool } from 'pg';
import { call } from './http-client';
import { percentile, timed } from './measure';

export interface LifecycleFigures {
  cases: number;
  casesPerSecond: number;
  intakeToReferralP50: number;
  intakeToReferralP95: number;
  closedWithinSeconds: number;
  /** history events of one closed emergency case, intake to closed */
  historyEvents: number;
  /** what several processes must never do twice, counted in the database after the run */
  twice: { closedTwice: number; duplicateEntries: number; duplicateDeliveries: number };
}

const assessment = {
  age: 15,
  adultAtRisk: false,
  indicators: ['SUICIDE_PLAN_IMMEDIATE'],
  declaredSafe: false,
  informationComplete: true,
  hasSocialWorker: false,
  notes: 'benchmark',
};

/**
 * `total` cases through the emergency path, driven over HTTP by 16 clients, until every one is CLOSED. With several
 * API URLs (the scale-out run) each case's steps go to the next API in turn, so no case stays on one process.
 */
export async function benchLifecycle(
  apiUrls: string[],
  ownerDbUrl: string,
  temporalAddress: string,
  who: { platform: Record<string, string>; officer: Record<string, string>; onCall: Record<string, string> },
  total = 1000,
): Promise<LifecycleFigures> {
  const toReferral: number[] = [];
  const ids: string[] = [];
  const started = performance.now();
  await timed(total, 16, async (i) => {
    const t = performance.now();
    let turn = i;
    const apiUrl = () => apiUrls[turn++ % apiUrls.length];
    const { caseId } = await call(
      apiUrl(),
      'POST',
      '/disclosures',
      who.platform,
      {
        channel: 'boards',
        occurredAt: '2026-11-20T21:15:00Z',
        summary: `Lifecycle benchmark ${i}`,
        subject: { externalUserId: `bench-life-${i}`, age: 15, contact: { platformMessage: true } },
      },
      [201],
    );
    ids.push(caseId);
    await call(apiUrl(), 'POST', `/cases/${caseId}/assessment`, who.officer, assessment);
    await call(apiUrl(), 'POST', `/cases/${caseId}/review`, who.onCall, { decision: 'APPROVE' });
    await call(
      apiUrl(),
      'POST',
      `/cases/${caseId}/referrals`,
      who.officer,
      { agency: 'EMERGENCY_SERVICES', method: 'PHONE', sharedData: { name: `Bench ${i}`, phone: '+44 7700 900000' } },
      [201],
    );
    toReferral.push(performance.now() - t);
  });
  const pool = new Pool({ connectionString: ownerDbUrl, max: 2 });
  let twice: LifecycleFigures['twice'];
  try {
    for (;;) {
      const { rows } = await pool.query(
        `SELECT count(*)::int AS n FROM cases WHERE id = ANY($1) AND status = 'CLOSED'`,
        [ids],
      );
      if (rows[0].n === total) break;
      if (performance.now() - started > 15 * 60_000)
        throw new Error(`only ${rows[0].n} of ${total} cases closed in 15 minutes`);
      await new Promise((r) => setTimeout(r, 250));
    }

    twice = await countTwice(pool, ids);
  } finally {
    await pool.end();
  }
  const elapsedS = (performance.now() - started) / 1000;
  toReferral.sort((a, b) => a - b);
  return {
    cases: total,
    casesPerSecond: total / elapsedS,
    intakeToReferralP50: percentile(toReferral, 50),
    intakeToReferralP95: percentile(toReferral, 95),
    closedWithinSeconds: elapsedS,
    historyEvents: await historyEvents(temporalAddress, `case-${ids[0]}`),
    twice,
  };
}

async function historyEvents(temporalAddress: string, workflowId: string): Promise<number> {
  const connection = await Connection.connect({ address: temporalAddress });
  try {
    const history = await new Client({ connection }).workflow.getHandle(workflowId).fetchHistory();
    return history.events?.length ?? 0;
  } finally {
    await connection.close();
  }
}

/** Cases closed more than once, log entries written twice for one step, notifications delivered twice. */
async function countTwice(pool: Pool, ids: string[]): Promise<LifecycleFigures['twice']> {
  const one = async (sql: string) => ((await pool.query(sql, [ids])).rows[0].n as number) ?? 0;
  return {
    closedTwice: await one(
      `SELECT count(*)::int AS n FROM (SELECT case_id FROM case_log_entries WHERE case_id = ANY($1) AND type = 'case.closed' GROUP BY case_id HAVING count(*) > 1) t`,
    ),
    duplicateEntries: await one(
      `SELECT count(*)::int AS n FROM (SELECT case_id, step_key FROM case_log_entries WHERE case_id = ANY($1) GROUP BY case_id, step_key HAVING count(*) > 1) t`,
    ),
    duplicateDeliveries: await one(
      `SELECT count(*)::int AS n FROM (SELECT case_id, kind, recipient FROM outbox_messages WHERE case_id = ANY($1) GROUP BY case_id, kind, recipient HAVING count(*) > 1) t`,
    ),
  };
}
