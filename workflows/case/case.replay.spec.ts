import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { CASE_WORKFLOW_V2, CASE_WORKFLOW_V3 } from './case.workflow';
import { CASE_PAGING } from './patches';

const ROOT = join(__dirname, '../..');
const HISTORIES = join(ROOT, 'test/fixtures/histories');
const REPLAY = join(ROOT, 'dist/scripts/replay-histories.js');

/** Every lifecycle path recorded from the end-to-end suite (`npm run record:histories`). */
const EXPECTED_PATHS = [
  'emergency',
  'non-emergency',
  'no-referral',
  'more-info',
  'escalation',
  'group-chat',
  'deferral',
  'feedback-never',
];
/** Recordings of cases started before a change that still must replay, named by that change. */
const BEFORE_V2 = /^before-(delivery-split|workflow-v2)\./;
const V2 = /^before-(paging|v3)\./;

const histories = () => readdirSync(HISTORIES).filter((f) => f.endsWith('.json'));

interface HistoryEvent {
  eventType: string;
  markerRecordedEventAttributes?: { markerName: string; details?: Record<string, { payloads: { data: string }[] }> };
}

/** The event of the first command a history's workflow gave (after its first workflow task completed). */
function firstCommand(file: string): HistoryEvent {
  const { events } = JSON.parse(readFileSync(join(HISTORIES, file), 'utf8')) as { events: HistoryEvent[] };
  return events[events.findIndex((e) => e.eventType === 'EVENT_TYPE_WORKFLOW_TASK_COMPLETED') + 1];
}

function patchId(event: HistoryEvent): string | undefined {
  const attributes = event.markerRecordedEventAttributes;
  if (attributes?.markerName !== 'core_patch') return undefined;
  const [payload] = attributes.details!['patch-data'].payloads;
  return (JSON.parse(Buffer.from(payload.data, 'base64').toString('utf8')) as { id: string }).id;
}

/** Every patch marker a history recorded, in order. */
function patchesOf(file: string): (string | undefined)[] {
  const { events } = JSON.parse(readFileSync(join(HISTORIES, file), 'utf8')) as { events: HistoryEvent[] };
  return events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch').map(patchId);
}

function replay(dir: string, ...args: string[]) {
  return spawnSync(process.execPath, [REPLAY, dir, ...args], { encoding: 'utf8', timeout: 120_000 });
}

/**
 * Replays the saved history of each lifecycle path against today's workflow bundle (built by `npm run build`,
 * which the test command runs first): a change that would make running cases non-deterministic, and so stall
 * them, fails here before it can reach a worker.
 */
describe('case workflow replay', () => {
  it('has a recorded history for every lifecycle path, today’s and before each change', () => {
    const recorded = histories().map((f) => f.replace(/\.json$/, ''));
    expect(recorded).toEqual(expect.arrayContaining(EXPECTED_PATHS));
    expect(recorded).toEqual(expect.arrayContaining(EXPECTED_PATHS.map((path) => `before-workflow-v2.${path}`)));
    expect(recorded).toEqual(expect.arrayContaining(EXPECTED_PATHS.map((path) => `before-paging.${path}`)));
    expect(recorded).toEqual(expect.arrayContaining(EXPECTED_PATHS.map((path) => `before-v3.${path}`)));
  });

  it('today’s cases have one marker; paging had its own in v2, and those from before paging have none for it', () => {
    for (const path of EXPECTED_PATHS) {
      expect({ path, today: patchesOf(`${path}.json`) }).toEqual({ path, today: [CASE_WORKFLOW_V3] });
      expect({ path, v2: patchesOf(`before-v3.${path}.json`) }).toEqual({ path, v2: [CASE_WORKFLOW_V2, CASE_PAGING] });
      expect({ path, before: patchesOf(`before-paging.${path}.json`) }).toEqual({ path, before: [CASE_WORKFLOW_V2] });
    }
  });

  it('replays every recorded history without a non-determinism error', () => {
    expect(existsSync(REPLAY)).toBe(true); // built by `npm run build`
    const run = replay(HISTORIES);
    expect(run.stdout).not.toMatch(/^FAIL/m);
    expect(run.stdout).toMatch(new RegExp(`^${histories().length} replayed, 0 failed`, 'm'));
    expect(run.status).toBe(0);
  });

  it('branches once: each case’s first command is the marker of its version, and cases from before v2 have none', () => {
    for (const file of histories()) {
      const expected = BEFORE_V2.test(file) ? undefined : V2.test(file) ? CASE_WORKFLOW_V2 : CASE_WORKFLOW_V3;
      expect({ file, patch: patchId(firstCommand(file)) }).toEqual({ file, patch: expected });
    }
  });

  it('forcing today’s code on the histories of every older case fails their replay', async () => {
    const older = mkdtempSync(join(tmpdir(), 'older-histories-'));
    const olderFiles = histories().filter((f) => BEFORE_V2.test(f) || V2.test(f));
    for (const file of olderFiles) copyFileSync(join(HISTORIES, file), join(older, file));
    const { code } = await bundleWorkflowCode({
      workflowsPath: require.resolve('../../test/workflow/support/forced-today'),
      logger: new DefaultLogger('WARN'),
    });
    const bundle = join(older, 'forced-today-bundle.js');
    writeFileSync(bundle, code);
    const run = replay(older, '--bundle', bundle);
    expect(run.stdout.match(/^FAIL .*nondeterminism/gm)).toHaveLength(olderFiles.length);
    expect(run.stdout).toMatch(new RegExp(`^0 replayed, ${olderFiles.length} failed`, 'm'));
  });
});
