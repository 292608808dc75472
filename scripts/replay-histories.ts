import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { DEVELOPMENT_SECRETS } from '../libs/config/src/development-secrets';
import { encryptedDataConverter } from '../libs/temporal/src/data-converter';
import { PayloadKeyring } from '../libs/temporal/src/payload-keyring';

/**
 * Replays recorded case histories (test/fixtures/histories, recorded with the development payload key) against
 * the built workflow bundle, or the bundle named by `--bundle <file>`. Prints one line per history and exits non-zero
 * if any replay is non-deterministic. Runs in plain Node: the SDK's proto conversion does not survive Jest's module
 * registry.
 */
async function main(): Promise<void> {
  const [dir = join(__dirname, '../../test/fixtures/histories'), flag, bundle] = process.argv.slice(2);
  const codePath = flag === '--bundle' && bundle ? bundle : join(__dirname, '../workflow-bundle.js');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const histories = files.map((file) => ({
    workflowId: file,
    history: historyFromJSON(JSON.parse(readFileSync(join(dir, file), 'utf8'))),
  }));
  const options = {
    workflowBundle: { codePath },
    dataConverter: encryptedDataConverter(PayloadKeyring.fromBase64(DEVELOPMENT_SECRETS.TEMPORAL_PAYLOAD_KEY)),
  };
  let failed = 0;
  for await (const result of Worker.runReplayHistories(options, histories)) {
    console.log(
      `${result.error ? 'FAIL' : 'ok  '} ${result.workflowId}${result.error ? `: ${result.error.message}` : ''}`,
    );
    if (result.error) failed++;
  }
  console.log(`${files.length - failed} replayed, ${failed} failed`);
  process.exit(failed || files.length === 0 ? 1 : 0);
}

main().catch((error: Error) => {
  console.error(`Replay could not run: ${error.message}`);
  process.exit(1);
});
