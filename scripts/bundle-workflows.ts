import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from '@sg/temporal/data-converter';

const quietLogger = new DefaultLogger('WARN');

/** Prebuilds the workflow bundle into dist/, so workers start without running webpack. */
async function main(): Promise<void> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../workflows/index'),
    failureConverterPath: FAILURE_CONVERTER_PATH,
    logger: quietLogger,
  });
  const target = join(__dirname, '..', 'workflow-bundle.js');
  writeFileSync(target, code);
  console.log(`Workflow bundle written to ${target} (${Math.round(code.length / 1024)} KiB)`);
}

main().catch((error: Error) => {
  console.error(`Bundling workflows failed: ${error.message}`);
  process.exit(1);
});
