import { Pool } from 'pg';
import { DEVELOPMENT_SECRETS } from '../../libs/config/src/development-secrets';
import { launchStack } from '../stack/launch';
import { login } from './http-client';
import { benchIntake } from './intake';
import { benchLifecycle } from './lifecycle';
import { benchLifecycleFloor } from './lifecycle-floor';
import { startSecondPair } from './scale-out';
import { benchChainVerification, benchSharingHistory } from './log';
import { peakMemory } from './memory';
import { loadNow, render, writeReport } from './report';

/**
 * `npm run bench`: starts its own stack (free ports, throw-away data folder) and prints the figures of
 * docs/benchmarks.md. Figures, not assertions: nothing here passes or fails on speed.
 */
async function main(): Promise<void> {
  const loadAtStart = loadNow();
  // Fewer for a quick check that the benchmark runs; the published figures use the default.
  const lifecycles = Number(process.env.BENCH_LIFECYCLES ?? 1000);
  const env = {
    REVIEW_DEADLINE_EMERGENCY: 'PT1H',
    FEEDBACK_REQUEST_DELAY: 'PT1S',
    FEEDBACK_WAIT: 'PT1S',
    LOG_CHECKPOINT_INTERVAL: 'PT1H',
    CASE_RECONCILE_INTERVAL: 'PT1H', // the reconciler describes every open case: not during a measurement
    SHARING_HISTORY_READS_PER_MINUTE: '1000000', // measures the read, not its limit
  };
  const stack = await launchStack({ env });
  const owner = new Pool({ connectionString: stack.databaseUrl, max: 1 });
  try {
    const platform = { 'X-Api-Key': DEVELOPMENT_SECRETS.PLATFORM_API_KEY };
    const password = DEVELOPMENT_SECRETS.DEMO_PASSWORD;
    const who = {
      platform,
      officer: await login(stack.apiUrl, 'officer.amy', password),
      onCall: await login(stack.apiUrl, 'oncall.cat', password),
    };
    // Between runs, wait until every case the service accepted has its case.opened, so one run's tail does not load the
    // next.
    const drain = async () => {
      for (;;) {
        const { rows } = await owner.query(
          `SELECT count(*)::int AS n FROM cases c WHERE submitted_by <> 'bench-floor' AND NOT EXISTS (SELECT 1 FROM case_log_entries e WHERE e.case_id = c.id)`,
        );
        if (rows[0].n === 0) return;
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    console.log('intake…');
    const intake = await benchIntake(stack.apiUrl, platform, stack.serviceDatabaseUrl, stack.temporalAddress, drain);
    console.log('lifecycle…');
    const lifecycle = await benchLifecycle([stack.apiUrl], stack.databaseUrl, stack.temporalAddress, who, lifecycles);
    const memory = peakMemory(stack.dataDir);
    console.log('lifecycle floor…');
    const floor = await benchLifecycleFloor(stack.temporalAddress, lifecycles);
    console.log('chain verification…');
    const chain = benchChainVerification();
    console.log('sharing history over a million log entries…');
    const history = await benchSharingHistory(stack.apiUrl, stack.databaseUrl, platform);
    console.log('lifecycle with two APIs and two workers…');
    const second = await startSecondPair(stack, env);
    const scaledOut = await benchLifecycle(
      [stack.apiUrl, second.apiUrl],
      stack.databaseUrl,
      stack.temporalAddress,
      who,
      lifecycles,
    ).finally(() => second.stop());
    const markdown = render({ intake, lifecycle, floor, scaledOut, chain, history, memory, loadAtStart });
    console.log(`\n${markdown}`);
    console.log(`Written to ${writeReport(markdown)}`);
  } finally {
    await owner.end();
    await stack.stop();
  }
}

main().catch((error: Error) => {
  console.error(`Benchmark failed: ${error.message}`);
  process.exit(1);
});
