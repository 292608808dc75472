import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';

const HISTORIES = join(__dirname, '../../test/fixtures/histories');

/** Every lifecycle path recorded from the end-to-end suite (RECORD_HISTORIES=1 npm run test:e2e). */
const EXPECTED_PATHS = ['emergency', 'non-emergency', 'no-referral', 'more-info', 'escalation', 'group-chat', 'deferral', 'feedback-never'];

/**
 * Replays the saved history of each lifecycle path against today's workflow code: a change that would make
 * running cases non-deterministic (and so stall them) fails here, before it can reach a worker.
 */
describe('case workflow replay', () => {
  const files = readdirSync(HISTORIES).filter((f) => f.endsWith('.json'));

  it('has a recorded history for every lifecycle path', () => {
    expect(files.map((f) => f.replace(/\.json$/, ''))).toEqual(expect.arrayContaining(EXPECTED_PATHS));
  });

  it('replays every recorded history without a non-determinism error', async () => {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
    const bundle = await bundleWorkflowCode({ workflowsPath: require.resolve('../index'), logger: new DefaultLogger('ERROR') });
    const histories = files.map((file) => ({
      workflowId: file,
      history: historyFromJSON(JSON.parse(readFileSync(join(HISTORIES, file), 'utf8'))),
    }));
    const results = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle: bundle }, histories)) results.push(result);
    expect(results).toHaveLength(files.length);
    expect(results.filter((r) => r.error).map((r) => `${r.workflowId}: ${r.error}`)).toEqual([]);
  }, 120_000);
});
