import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

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

/**
 * Replays the saved history of each lifecycle path against today's workflow bundle (built by `npm run build`,
 * which the test command runs first): a change that would make running cases non-deterministic, and so stall
 * them, fails here before it can reach a worker.
 */
describe('case workflow replay', () => {
  it('has a recorded history for every lifecycle path', () => {
    const recorded = readdirSync(HISTORIES)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''));
    expect(recorded).toEqual(expect.arrayContaining(EXPECTED_PATHS));
  });

  it('replays every recorded history without a non-determinism error', () => {
    expect(existsSync(REPLAY)).toBe(true);
    const run = spawnSync(process.execPath, [REPLAY, HISTORIES], { encoding: 'utf8', timeout: 120_000 });
    expect(run.stdout).not.toMatch(/^FAIL/m);
    expect(run.stdout).toMatch(/\d+ replayed, 0 failed/);
    expect(run.status).toBe(0);
  });
});
