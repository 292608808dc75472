import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError, EXIT_CONFIGURATION } from '../../libs/config/src/configuration-error';
import { validateEnvironment } from '../../libs/config/src/environment';
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
  // The API listens on this machine only unless HOST says otherwise.
  const host = process.env.HOST || '127.0.0.1';
  refuseUnsafeConfiguration(log);
  mkdirSync(DATA_DIR, { recursive: true });
  const pidFile = new StackPidFile(DATA_DIR);
  await pidFile.stopLeftovers(log);

  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((e: Error) => log(`(while stopping: ${e.message})`));
    pidFile.clear();
  };
  let stopping = false;
  const stopAndExit = (code: number) => {
    if (stopping) return;
    stopping = true;
    log('\nStopping...');
    void stopAll().then(() => process.exit(code));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAndExit(0));

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
    if (!process.env.SMTP_URL && process.env.SAFEGUARDING_DEV === '1') {
      const catcher = await startMailCatcher(Number(process.env.MAIL_CATCHER_PORT ?? 1080));
      stops.push(() => catcher.stop());
      Object.assign(mail, { SMTP_URL: catcher.smtpUrl, viewer: catcher.viewerUrl });
    }
    // The worker's health and metrics port: free, unless given, so stacks side by side never collide.
    const workerHealthPort = Number(process.env.WORKER_HEALTH_PORT ?? (await freePort()));
    const env = {
      ...process.env,
      PORT: String(port),
      HOST: host,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      ...(mail.SMTP_URL ? { SMTP_URL: mail.SMTP_URL } : {}),
      WORKER_HEALTH_PORT: String(workerHealthPort),
    };
    const serviceLog = formattingServiceLines(log);
    const refused = () => stopAndExit(EXIT_CONFIGURATION);
    const worker = superviseService('worker', join(DIST, 'apps/worker/src/main.js'), env, serviceLog, refused);
    stops.push(() => worker.stop());
    const api = superviseService('api', join(DIST, 'apps/api/src/main.js'), env, serviceLog, refused);
    stops.push(() => api.stop());

    const apiUrl = `http://${reachable(host)}:${port}`;
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

/** Checks every setting before starting anything, so a missing secret is named at once (not in a restart loop). */
function refuseUnsafeConfiguration(log: (line: string) => void): void {
  try {
    // The database URL is decided later (the embedded server's, unless DATABASE_URL is set).
    validateEnvironment({ DATABASE_URL: 'postgres://localhost/safeguarding', ...process.env });
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    log(`${error.message}\nFor development defaults (published secrets, demo accounts), set SAFEGUARDING_DEV=1.`);
    process.exit(EXIT_CONFIGURATION);
  }
}

/** Where this machine reaches an API listening on `host`. */
function reachable(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

void main();
