import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { IntakeRow } from './intake';
import { LifecycleFigures } from './lifecycle';
import { LifecycleFloorFigures } from './lifecycle-floor';
import { ChainFigures, SharingHistoryFigures } from './log';
import { ms, rate } from './measure';

export interface Results {
  intake: IntakeRow[];
  lifecycle: LifecycleFigures;
  floor: LifecycleFloorFigures;
  scaledOut: LifecycleFigures;
  chain: ChainFigures;
  history: SharingHistoryFigures;
  memory: Record<'api' | 'worker', number | undefined>;
  /** the 1-minute load average when the run began: figures from a busy machine are not comparable */
  loadAtStart: number;
}

/** The hand-written analysis at the end of docs/benchmarks.md, kept when the figures are written again. */
const NOTES_HEADING = '## Where the time goes';

export function loadNow(): number {
  return loadavg()[0];
}

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node.js ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}

/** The figures as Markdown: printed, and written to docs/benchmarks.md. */
export function render(r: Results): string {
  const intake = r.intake.map(
    (row) =>
      `| ${row.concurrency} | ${rate(row.service.perSecond)} | ${ms(row.service.p50)} / ${ms(row.service.p95)} / ${ms(row.service.p99)} | ` +
      `${rate(row.floor.perSecond)} | ${ms(row.floor.p50)} / ${ms(row.floor.p95)} / ${ms(row.floor.p99)} | ${(row.service.perSecond / row.floor.perSecond).toFixed(2)} |`,
  );
  return [
    '# Benchmarks',
    '',
    `Produced by \`npm run bench\` in one run on one machine: ${machine()}. Everything (PostgreSQL, the Temporal`,
    'dev server, the API, the worker and the load generator) shares that machine, as on a developer laptop.',
    `Load average when the run began: ${r.loadAtStart.toFixed(2)}.`,
    '',
    '## Intake: `POST /disclosures` next to its floor',
    '',
    'The floor is what the machine can do at the same concurrency with no service: the same row inserted with bare',
    '`pg`, then a bare start of an empty workflow (no payload codec). Ratio = service throughput / floor throughput.',
    '',
    '| clients | service | service p50 / p95 / p99 | floor | floor p50 / p95 / p99 | ratio |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ...intake,
    '',
    '## Lifecycle: the emergency path',
    '',
    `${r.lifecycle.cases} cases driven over HTTP by 16 clients (disclosure → assessment → on-call approval → 999 referral`,
    '→ notification → feedback requested and not received after second-long timers → closed).',
    '',
    `| run | closed within | cases/s | intake → referral p50 / p95 | history events per case |`,
    '| --- | ---: | ---: | ---: | ---: |',
    `| the service, one API and one worker | ${r.lifecycle.closedWithinSeconds.toFixed(0)} s | ${r.lifecycle.casesPerSecond.toFixed(1)} | ${ms(r.lifecycle.intakeToReferralP50)} / ${ms(r.lifecycle.intakeToReferralP95)} | ${r.lifecycle.historyEvents} |`,
    `| the floor: bare workflows, same updates and timers, do-nothing activities | ${r.floor.closedWithinSeconds.toFixed(0)} s | ${r.floor.casesPerSecond.toFixed(1)} | — | ${r.floor.historyEvents} |`,
    `| the service, two APIs and two workers | ${r.scaledOut.closedWithinSeconds.toFixed(0)} s | ${r.scaledOut.casesPerSecond.toFixed(1)} | ${ms(r.scaledOut.intakeToReferralP50)} / ${ms(r.scaledOut.intakeToReferralP95)} | ${r.scaledOut.historyEvents} |`,
    '',
    `- ratio to the floor (service cases/s ÷ floor cases/s): ${(r.lifecycle.casesPerSecond / r.floor.casesPerSecond).toFixed(2)}`,
    `- done twice, counted in the database after each run (cases closed twice, log entries written twice for one step, ` +
      `notifications delivered twice): one pair ${twice(r.lifecycle)}, two pairs ${twice(r.scaledOut)}`,
    '',
    '## The case log',
    '',
    `- chain verification by the auditors' verifier (one chain of ${r.chain.entries.toLocaleString('en-GB')} signed entries, a ` +
      `checkpoint every ${r.chain.checkpointEvery}, ${r.chain.tail} past the last): \`/log/verify\` ${rate(r.chain.perSecond)} ` +
      `entries, \`verify:export\` ${rate(r.chain.exportPerSecond)} entries; with no checkpoint (a signature per entry) ` +
      `${rate(r.chain.uncheckpointedPerSecond)} entries`,
    `- \`GET /me/sharing-history\` with ${r.history.logEntries.toLocaleString('en-GB')} log entries in the database ` +
      '(each read also appends a signed `case.viewed` entry):',
    ...r.history.figures.map(
      ({ clients, figures: f }) =>
        `  - ${clients} client${clients > 1 ? 's' : ''}: p50 ${ms(f.p50)}, p95 ${ms(f.p95)}, p99 ${ms(f.p99)} (${rate(f.perSecond)})`,
    ),
    '- its query plan for one young person:',
    '',
    '```',
    r.history.plan,
    '```',
    '',
    '## Memory',
    '',
    `- peak RSS during the one-pair lifecycle run and intake: API ${r.memory.api ?? '?'} MiB, worker ${r.memory.worker ?? '?'} MiB`,
    '- what that memory is made of, and the settings that bound it: "Memory" under "Where the time goes" below',
    '',
  ].join('\n');
}

const twice = (l: LifecycleFigures) =>
  `${l.twice.closedTwice} / ${l.twice.duplicateEntries} / ${l.twice.duplicateDeliveries}`;

export function writeReport(markdown: string): string {
  const file = join(__dirname, '../../../docs/benchmarks.md');
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const notes = previous.indexOf(NOTES_HEADING);
  writeFileSync(file, notes >= 0 ? `${markdown}\n${previous.slice(notes)}` : markdown);
  return file;
}
