import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from '../scripts/stack/ports';
import { e2eEnv } from './support/env';
import { eventually } from './support/eventually';
import { request } from './support/http';
import { NOTIFY_API_KEY } from './support/notify-stand-in';
import { freshDatabase, productionSecrets } from './support/service-boot';

/**
 * Issue 13: production fails closed. The worker and the API, started as production, refuse to run without a route
 * people rely on, naming the setting; and a production API has no development outbox to read.
 * The processes are the built services (dist/), pointed at the suite's database and Temporal with keys of their own;
 * the API's background work (workflow-start relay, checkpoints, reconciler) is set not to run while the test looks.
 */
const { apiUrl, temporalAddress } = e2eEnv();
const DIST = join(__dirname, '../dist/apps');

let PRODUCTION: NodeJS.ProcessEnv;
beforeAll(async () => {
  PRODUCTION = {
    PATH: process.env.PATH,
    ...productionSecrets(),
    DATABASE_URL: await freshDatabase(),
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: `production-test-${randomUUID()}`,
    WORKFLOW_START_RETRY_MS: '3600000',
    LOG_CHECKPOINT_INTERVAL: 'P1D',
    CASE_RECONCILE_INTERVAL: 'P1D',
  };
});

interface Run {
  code: number | null;
  output: string;
}

/** Starts a built service and waits until it exits on its own (a refusal) or `until` says it is up. */
function start(service: 'api' | 'worker', env: NodeJS.ProcessEnv, until?: () => Promise<boolean>) {
  const child = spawn(process.execPath, [join(DIST, service, 'src/main.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<Run>((resolve) => child.once('exit', (code) => resolve({ code, output })));
  const up = until
    ? eventually(`the production ${service} to start`, async () => ((await until()) ? true : undefined), 60_000)
    : undefined;
  return { exited, up, stop: () => (child.exitCode === null ? (child.kill('SIGTERM'), exited) : exited) };
}

describe('production refuses to start without the routes people rely on', () => {
  it.each(['worker', 'api'] as const)(
    'the %s: no platform webhook, SMTP or mail sender, each named',
    async (service) => {
      const env = { ...PRODUCTION, PLATFORM_WEBHOOK_URL: undefined, SMTP_URL: undefined, MAIL_FROM: undefined };
      const { code, output } = await start(service, env).exited;
      expect(code).not.toBe(0);
      for (const name of ['PLATFORM_WEBHOOK_URL', 'SMTP_URL', 'MAIL_FROM'])
        expect(output).toContain(`${name} is not set`);
    },
  );

  it('the worker: SMS half configured (a Notify key without its templates), naming what is missing', async () => {
    const { code, output } = await start('worker', { ...PRODUCTION, NOTIFY_API_KEY }).exited;
    expect(code).not.toBe(0);
    expect(output).toContain('NOTIFY_TEMPLATE_SUBJECT_SMS is not set');
    expect(output).not.toContain(NOTIFY_API_KEY); // a refusal names settings, never their secret values
  });
});

describe('production has no development outbox', () => {
  it('GET /outbox does not exist (404) where it does in development (401 without credentials)', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const api = start('api', { ...PRODUCTION, PORT: String(port) }, async () =>
      fetch(`${url}/health`).then(
        () => true,
        () => false,
      ),
    );
    try {
      await Promise.race([api.up, api.exited.then((r) => Promise.reject(new Error(`the API exited:\n${r.output}`)))]);
      expect((await request(url, 'GET', '/outbox')).status).toBe(404);
      expect((await request(url, 'GET', '/rota/shifts')).status).toBe(401); // the API is up and routing
      expect((await request(apiUrl, 'GET', '/outbox')).status).toBe(401); // the development stack has one
    } finally {
      await api.stop();
    }
  });
});
