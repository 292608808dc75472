import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from '../../libs/temporal/src/data-converter';
import { freePort } from '../../scripts/stack/ports';
import { ensureTemporalCli } from '../../scripts/stack/temporal-cli';
import { startTemporalDevServer } from '../../scripts/stack/temporal-dev-server';

/**
 * The fast workflow suite's one Temporal dev server (in memory, on a free port) and one workflow bundle, built from the
 * sources (no prior build needed) and shared by every file of the suite.
 */
export default async function globalSetup(): Promise<void> {
  const [temporal, bundle] = await Promise.all([
    startTemporalDevServer({ cli: ensureTemporalCli(), port: await freePort(), log: () => undefined }),
    bundleWorkflowCode({
      workflowsPath: require.resolve('./support/workflows'),
      failureConverterPath: FAILURE_CONVERTER_PATH,
      logger: new DefaultLogger('WARN'),
    }),
  ]);
  const bundlePath = join(mkdtempSync(join(tmpdir(), 'case-workflow-suite-')), 'workflow-bundle.js');
  writeFileSync(bundlePath, bundle.code);
  process.env.WORKFLOW_SUITE_TEMPORAL = temporal.address;
  process.env.WORKFLOW_SUITE_BUNDLE = bundlePath;
  Object.assign(globalThis, { __WORKFLOW_SUITE_TEMPORAL__: temporal });
}
