import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureServiceLogin, migrate } from '../migrate';
import { startEmbeddedPostgres } from './embedded-postgres';
import { StackPidFile } from './leftovers';
import { startMailCatcher } from './mail-catcher';
import { DATA_DIR, DIST } from './paths';
import { freePort, waitFor } from './ports';
import { superviseService } from './service-process';
import { formattingServiceLines } from './service-log-format';
import { ensureTemporalCli } from './temporal-cli';
import { startTemporalDevServer } from './temporal-dev-server';

/**
 * The whole service on one machine: Temporal dev server and embedded PostgreSQL (unless TEMPORAL_ADDRESS /
 * DATABASE_URL point elsewhere), migrations, the API and the worker. Ctrl-C stops everything it started.
 */
async function main(): Promise<void> {
  const log = (line: string) => console.log(line);
  const port = Number(process.env.PORT ?? 3000);
  const temporalPort = Number(process.env.TEMPORAL_PORT ?? 7233);
  const uiPort = process.env.TEMPORAL_UI_PORT === 'off' ? undefined : Number(process.env.TEMPORAL_UI_PORT ?? 8233);
  const pgPort = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  mkdirSync(DATA_DIR, { recursive: true });
  const pidFile = new StackPidFile(DATA_DIR);
  await pidFile.stopLeftovers(log);

  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((e: Error) => log(`(while stopping: ${e.message})`));
    pidFile.clear();
  };
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log('\nStopping...');
      void stopAll().then(() => process.exit(0));
    });
  }

  try {
    let temporalAddress = process.env.TEMPORAL_ADDRESS;
    let temporalUi: string | undefined;
    const pids: Record<string, number | undefined> = {};
    if (!temporalAddress) {
      const temporal = await startTemporalDevServer({
        cli: ensureTemporalCli(log),
        dbFile: join(DATA_DIR, 'temporal.db'),
        port: temporalPort,
        uiPort,
        log,
      });
      stops.push(() => temporal.stop('SIGINT'));
      pids.temporal = temporal.pid;
      temporalAddress = temporal.address;
      temporalUi = temporal.uiUrl;
    }
    // Migrations run as the schema owner; the services connect with least privilege (see migrations).
    let databaseUrl = process.env.DATABASE_URL;
    let ownerUrl = process.env.MIGRATION_DATABASE_URL || databaseUrl;
    if (!databaseUrl) {
      const postgres = await startEmbeddedPostgres(join(DATA_DIR, 'postgres'), pgPort, log);
      stops.push(() => postgres.stop());
      pids.postgres = postgres.pid;
      ownerUrl = postgres.url;
    }
    pidFile.record(pids);

    const applied = await migrate(ownerUrl!);
    log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');
    // The embedded database is reachable from this machine only; its service password is a fixed development one.
    databaseUrl ??= await ensureServiceLogin(ownerUrl!, 'development-service-password');

    // Email goes to SMTP_URL; without one (development), to a local mail catcher whose page shows what was sent.
    const mail: { SMTP_URL?: string; viewer?: string } = {};
    if (!process.env.SMTP_URL && process.env.NODE_ENV !== 'production') {
      const catcher = await startMailCatcher(Number(process.env.MAIL_CATCHER_PORT ?? 1080));
      stops.push(() => catcher.stop());
      Object.assign(mail, { SMTP_URL: catcher.smtpUrl, viewer: catcher.viewerUrl });
    }
    // The worker's health and metrics port: free, unless given, so stacks side by side never collide.
    const workerHealthPort = Number(process.env.WORKER_HEALTH_PORT ?? (await freePort()));
    const env = {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      ...(mail.SMTP_URL ? { SMTP_URL: mail.SMTP_URL } : {}),
      WORKER_HEALTH_PORT: String(workerHealthPort),
    };
    const serviceLog = formattingServiceLines(log);
    const worker = superviseService('worker', join(DIST, 'apps/worker/src/main.js'), env, serviceLog);
    stops.push(() => worker.stop());
    const api = superviseService('api', join(DIST, 'apps/api/src/main.js'), env, serviceLog);
    stops.push(() => api.stop());

    const apiUrl = `http://localhost:${port}`;
    await waitFor('the API to report healthy', async () => (await fetch(`${apiUrl}/health`)).ok, 120_000);
    log(
      [
        '',
        'Safeguarding case service is running.',
        `  API:          ${apiUrl}`,
        `  OpenAPI:      ${apiUrl}/docs`,
        `  Metrics:      ${apiUrl}/metrics (API), http://localhost:${workerHealthPort}/metrics (worker)`,
        `  Temporal UI:  ${temporalUi ?? '(external Temporal at ' + temporalAddress + ')'}`,
        `  Mail:         ${mail.viewer ?? '(sent through SMTP_URL)'}`,
        `  Data folder:  ${DATA_DIR}`,
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
  } catch (error) {
    log(`Start failed: ${(error as Error).message}`);
    await stopAll();
    process.exit(1);
  }
}

void main();
