import { readdirSync, readFileSync } from 'node:fs';
import { DEVELOPMENT_SECRETS } from '../../libs/config/src/development-secrets';
import { launchStack } from '../stack/launch';
import { call } from './http-client';
import { Figures, timed } from './measure';
import { loadNow } from './report';

/**
 * `npm run bench:intake-split`: where intake's time goes at one client. The same disclosures sent one at a time with
 * the worker running (each case's workflow starts moving at once, as in `npm run bench`), then with the worker paused
 * (SIGSTOP), so only intake itself runs: the difference is what the case starting to move costs intake.
 * Figures, not assertions.
 */
const PER_HALF = Number(process.env.BENCH_INTAKE_SPLIT ?? 300);

async function main(): Promise<void> {
  const loadAtStart = loadNow();
  const stack = await launchStack({ env: { LOG_CHECKPOINT_INTERVAL: 'PT1H', CASE_RECONCILE_INTERVAL: 'PT1H' } });
  const platform = { 'X-Api-Key': DEVELOPMENT_SECRETS.PLATFORM_API_KEY };
  const send = (tag: string) => (i: number) =>
    call(stack.apiUrl, 'POST', '/disclosures', platform, {
      channel: 'boards',
      occurredAt: '2026-11-20T21:15:00Z',
      summary: `Intake split ${tag} ${i}: says they are not safe at home tonight.`,
      subject: { externalUserId: `bench-split-${tag}-${i}`, age: 15, contact: { platformMessage: true } },
    }).then(() => undefined);
  try {
    await timed(50, 1, send('warm-up'));
    const running = await timed(PER_HALF, 1, send('running'));
    const worker = workerOf(stack.dataDir);
    process.kill(worker, 'SIGSTOP');
    let paused: Figures;
    try {
      paused = await timed(PER_HALF, 1, send('paused'));
    } finally {
      process.kill(worker, 'SIGCONT');
    }
    const row = (name: string, f: Figures) =>
      `| ${name} | ${f.p50.toFixed(1)} ms | ${f.p95.toFixed(1)} ms | ${f.perSecond.toFixed(0)}/s |`;
    console.log(`\nIntake at 1 client, ${PER_HALF} disclosures each; load average at start ${loadAtStart}\n`);
    console.log('| worker | p50 | p95 | rate |\n| --- | ---: | ---: | ---: |');
    console.log(row('running (each case starts moving at once)', running));
    console.log(row('paused (SIGSTOP): intake alone', paused));
  } finally {
    await stack.stop();
  }
}

/** The worker the stack in `dataDir` started (its DATA_DIR names that folder). */
function workerOf(dataDir: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (argv.some((a) => a.endsWith('apps/worker/src/main.js')) && environ.includes(`DATA_DIR=${dataDir}`))
        return Number(entry);
    } catch {
      // a process that ended while being read
    }
  }
  throw new Error(`No worker found for ${dataDir}`);
}

main().catch((error: Error) => {
  console.error(`Benchmark failed: ${error.message}`);
  process.exit(1);
});
