import { Pool } from 'pg';
import { DEVELOPMENT_SECRETS } from '../../libs/config/src/development-secrets';
import { launchStack } from '../stack/launch';
import { fillSharingHistoryLog, sharingHistoryReader } from './log';
import { Figures, ms, rate, timed } from './measure';
import { loadNow } from './report';

/**
 * `npm run bench:sharing-history`: only the sharing-history part of `npm run bench`, on a stack of its own, repeated
 * (BENCH_ROUNDS, 3 by default) so a change can be measured as a median in minutes rather than the full run's 20.
 * Figures, not assertions.
 */
async function main(): Promise<void> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const loadAtStart = loadNow();
  const stack = await launchStack({
    env: {
      LOG_CHECKPOINT_INTERVAL: 'PT1H',
      CASE_RECONCILE_INTERVAL: 'PT1H',
      SHARING_HISTORY_READS_PER_MINUTE: '1000000', // measures the read, not its limit
    },
  });
  const pool = new Pool({ connectionString: stack.databaseUrl, max: 2 });
  try {
    const platform = { 'X-Api-Key': DEVELOPMENT_SECRETS.PLATFORM_API_KEY };
    const entries = await fillSharingHistoryLog(pool, 1_000_000);
    const read = await sharingHistoryReader(stack.apiUrl, platform);
    console.log(
      `${entries} log entries; load average ${loadAtStart.toFixed(2)} at start, ${loadNow().toFixed(2)} filled`,
    );
    const byClients = new Map<number, Figures[]>([
      [1, []],
      [8, []],
    ]);
    for (let round = 1; round <= rounds; round++)
      for (const [clients, runs] of byClients) {
        const figures = await timed(1000, clients, read);
        runs.push(figures);
        console.log(`round ${round}, ${clients} client(s): ${line(figures)} (load ${loadNow().toFixed(2)})`);
      }
    for (const [clients, runs] of byClients) console.log(`median of ${rounds}, ${clients} client(s): ${medians(runs)}`);
  } finally {
    await pool.end();
    await stack.stop();
  }
}

function line(f: Figures): string {
  return `p50 ${ms(f.p50)}, p95 ${ms(f.p95)}, p99 ${ms(f.p99)} (${rate(f.perSecond)})`;
}

function medians(runs: Figures[]): string {
  const median = (pick: (f: Figures) => number) => runs.map(pick).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  return line({
    count: 0,
    p50: median((f) => f.p50),
    p95: median((f) => f.p95),
    p99: median((f) => f.p99),
    perSecond: median((f) => f.perSecond),
  });
}

main().catch((error: Error) => {
  console.error(`Benchmark failed: ${error.message}`);
  process.exit(1);
});
