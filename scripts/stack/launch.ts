import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST } from './paths';
import { freePort } from './ports';

const START_SCRIPT = join(DIST, 'scripts/stack/start.js');

export interface StackPorts {
  api: number;
  temporal: number;
  postgres: number;
  /** the worker's health and metrics port */
  workerHealth: number;
}

export interface TestStack {
  apiUrl: string;
  /** the worker's health and metrics server */
  workerUrl: string;
  /** the schema owner (what migrations use) */
  databaseUrl: string;
  /** the services' least-privilege login */
  serviceDatabaseUrl: string;
  temporalAddress: string;
  dataDir: string;
  ports: StackPorts;
  /** Ctrl-C, as a person would stop it; resolves when everything it started has stopped */
  stop(): Promise<void>;
}

export async function freeStackPorts(): Promise<StackPorts> {
  return {
    api: await freePort(),
    temporal: await freePort(),
    postgres: await freePort(),
    workerHealth: await freePort(),
  };
}

/**
 * Runs the real start command (the README's first) on free ports with its own data folder, so tests never
 * collide with a running stack, and waits until the API reports healthy.
 */
export async function launchStack(
  options: { dataDir?: string; ports?: StackPorts; env?: NodeJS.ProcessEnv } = {},
): Promise<TestStack> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sg-e2e-'));
  chmodSync(dataDir, 0o755);
  const ports = options.ports ?? (await freeStackPorts());
  const logFile = join(dataDir, `stack-${Date.now()}.log`);
  const child = spawn(process.execPath, [START_SCRIPT], {
    env: {
      ...process.env,
      SAFEGUARDING_DEV: '1', // development defaults: published secrets and demo accounts
      ...options.env,
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      PORT: String(ports.api),
      TEMPORAL_PORT: String(ports.temporal),
      TEMPORAL_UI_PORT: 'off',
      EMBEDDED_PG_PORT: String(ports.postgres),
      WORKER_HEALTH_PORT: String(ports.workerHealth),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = createWriteStream(logFile);
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);

  const apiUrl = `http://127.0.0.1:${ports.api}`;
  await waitUntilHealthy(apiUrl, child, logFile);
  return {
    apiUrl,
    workerUrl: `http://127.0.0.1:${ports.workerHealth}`,
    databaseUrl:
      process.env.MIGRATION_DATABASE_URL ??
      process.env.DATABASE_URL ??
      `postgres://postgres:postgres@localhost:${ports.postgres}/safeguarding`,
    serviceDatabaseUrl:
      process.env.DATABASE_URL ??
      `postgres://safeguarding_service:development-service-password@localhost:${ports.postgres}/safeguarding`,
    temporalAddress: process.env.TEMPORAL_ADDRESS ?? `127.0.0.1:${ports.temporal}`,
    dataDir,
    ports,
    stop: () => stopChild(child),
  };
}

async function waitUntilHealthy(apiUrl: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The stack exited early:\n${tail(logFile)}`);
    const healthy = await fetch(`${apiUrl}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  await stopChild(child);
  throw new Error(`The stack did not become healthy in time:\n${tail(logFile)}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    child.once('exit', () => resolvePromise());
    child.kill('SIGINT');
  });
}

function tail(file: string): string {
  return readFileSync(file, 'utf8').split('\n').slice(-40).join('\n');
}
