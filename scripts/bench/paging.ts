import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { Pool } from 'pg';
import { DEVELOPMENT_SECRETS } from '../../libs/config/src/development-secrets';
import { launchStack } from '../stack/launch';
import { call, login } from './http-client';
import { percentile } from './measure';
import { loadNow } from './report';

/**
 * `npm run bench:paging`: 50 EMERGENCY reviews requested at once on a stack of its own, and the time from each
 * `review.requested` entry to its first page arriving at the on-call person's chat webhook (a receiver in this
 * process, on the same clock as PostgreSQL). Figures, not assertions.
 */
const CASES = 50;
const ON_CALL = 'oncall.cat';

const assessment = {
  age: 15,
  adultAtRisk: false,
  indicators: ['SUICIDE_PLAN_IMMEDIATE'],
  declaredSafe: false,
  informationComplete: true,
  hasSocialWorker: false,
  notes: 'benchmark',
};

/** Notes when each case's first page arrives (the link in the page names the case). */
function pageReceiver(): { server: Server; arrived: Map<string, number> } {
  const arrived = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { link?: string; repeat?: number };
      const caseId = String(body.link).split('/').at(-1)!;
      if (body.repeat === 0 && !arrived.has(caseId)) arrived.set(caseId, at);
      res.end();
    });
  });
  return { server, arrived };
}

async function main(): Promise<void> {
  const loadAtStart = loadNow();
  const { server, arrived } = pageReceiver();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const receiverUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const stack = await launchStack({
    env: { REVIEW_DEADLINE_EMERGENCY: 'PT1H', PAGE_ACK_TIMEOUT: 'PT1H', STAFF_WEBHOOK_SECRET: randomUUID() },
  });
  const owner = new Pool({ connectionString: stack.databaseUrl, max: 2 });
  try {
    const password = DEVELOPMENT_SECRETS.DEMO_PASSWORD;
    const platform = { 'X-Api-Key': DEVELOPMENT_SECRETS.PLATFORM_API_KEY };
    const officer = await login(stack.apiUrl, 'officer.amy', password);
    const onCall = await login(stack.apiUrl, ON_CALL, password);
    const admin = await login(stack.apiUrl, 'admin.fay', password);
    await call(stack.apiUrl, 'PUT', `/staff/${ON_CALL}/contacts`, onCall, { webhookUrl: `${receiverUrl}/chat` });
    const now = Date.now();
    await call(stack.apiUrl, 'POST', '/rota/shifts', admin, {
      username: ON_CALL,
      level: 1,
      startsAt: new Date(now - 60_000).toISOString(),
      endsAt: new Date(now + 3_600_000).toISOString(),
    });

    const ids: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const { caseId } = await call(stack.apiUrl, 'POST', '/disclosures', platform, {
        channel: 'boards',
        occurredAt: '2026-11-20T21:15:00Z',
        summary: `Benchmark disclosure ${i}`,
        subject: { externalUserId: `bench-paging-${randomUUID()}`, age: 15, contact: { platformMessage: true } },
      });
      ids.push(caseId);
    }
    // Every workflow open before the burst, so the figure is paging's and not intake's.
    for (;;) {
      const { rows } = await owner.query(
        `SELECT count(DISTINCT case_id)::int AS n FROM case_log_entries WHERE type = 'case.opened' AND case_id = ANY($1)`,
        [ids],
      );
      if (rows[0].n === CASES) break;
      await new Promise((r) => setTimeout(r, 200));
    }

    console.log(`${CASES} emergency reviews requested at once…`);
    await Promise.all(ids.map((id) => call(stack.apiUrl, 'POST', `/cases/${id}/assessment`, officer, assessment)));
    const until = Date.now() + 120_000;
    while (arrived.size < CASES && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    const { rows } = await owner.query<{ case_id: string; at: Date }>(
      `SELECT case_id, at FROM case_log_entries WHERE type = 'review.requested' AND case_id = ANY($1)`,
      [ids],
    );
    const latencies = rows
      .filter((r) => arrived.has(r.case_id))
      .map((r) => arrived.get(r.case_id)! - r.at.getTime())
      .sort((a, b) => a - b);
    const loadAtEnd = loadNow();
    console.log(
      [
        `cases: ${CASES}, paged: ${latencies.length}`,
        `review.requested → page at the receiver: p50 ${Math.round(percentile(latencies, 50))} ms, ` +
          `p95 ${Math.round(percentile(latencies, 95))} ms, max ${Math.round(latencies.at(-1) ?? NaN)} ms`,
        `load average at start ${loadAtStart}, at end ${loadAtEnd}`,
      ].join('\n'),
    );
  } finally {
    await owner.end();
    await stack.stop();
    server.close();
  }
}

main().catch((error: Error) => {
  console.error(`Benchmark failed: ${error.message}`);
  process.exit(1);
});
