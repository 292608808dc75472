import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { TestStack } from '../stack/launch';
import { DIST } from '../stack/paths';
import { freePort, waitFor } from '../stack/ports';
import { SERVICE_NODE_FLAGS } from '../stack/service-node-flags';

export interface ExtraProcesses {
  apiUrl: string;
  stop(): Promise<void>;
}

/**
 * A second API and a second worker beside a running stack, on the same Temporal and PostgreSQL, with the stack's
 * settings: the scale-out run (docs/benchmarks.md). Both share the task queue and the database with the first pair.
 */
export async function startSecondPair(stack: TestStack, env: NodeJS.ProcessEnv): Promise<ExtraProcesses> {
  const port = await freePort();
  const common = {
    ...process.env,
    SAFEGUARDING_DEV: '1',
    ...env,
    NODE_ENV: 'test',
    DATA_DIR: stack.dataDir,
    DATABASE_URL: stack.serviceDatabaseUrl,
    TEMPORAL_ADDRESS: stack.temporalAddress,
    HOST: '127.0.0.1',
    PORT: String(port),
    WORKER_HEALTH_PORT: String(await freePort()),
  };
  const children: ChildProcess[] = ['apps/worker/src/main.js', 'apps/api/src/main.js'].map((main) =>
    spawn(process.execPath, [...SERVICE_NODE_FLAGS, join(DIST, main)], { env: common, stdio: 'ignore' }),
  );
  const apiUrl = `http://127.0.0.1:${port}`;
  await waitFor('the second API to report healthy', async () => (await fetch(`${apiUrl}/health`)).ok, 120_000);
  return {
    apiUrl,
    stop: () =>
      Promise.all(
        children.map(
          (child) =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        ),
      ).then(() => undefined),
  };
}
