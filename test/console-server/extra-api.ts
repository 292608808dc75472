import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/stack/ports';
import { e2eEnv } from '../support/env';
import { E2E_TIMINGS } from '../support/global-setup';
import { API_MAIN } from '../support/service-boot';

export interface ExtraApi {
  url: string;
  /** everything the process printed */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * A second API process beside the suite's stack (same PostgreSQL and Temporal), with settings of its own: a console
 * folder, tiny session timeouts. It also shows that several API processes share sessions and live events.
 */
export async function startExtraApi(env: Record<string, string>): Promise<ExtraApi> {
  const { serviceDatabaseUrl, temporalAddress } = e2eEnv();
  const port = await freePort();
  const child = spawn(process.execPath, [API_MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      SAFEGUARDING_DEV: '1',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: serviceDatabaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'sg-extra-api-')),
      TRUST_PROXY: 'loopback',
      ...E2E_TIMINGS,
      ...env,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await untilHealthy(url, child, () => output);
  return { url, output: () => output, stop: () => stop(child) };
}

async function untilHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The extra API exited:\n${output().slice(-3000)}`);
    if (
      await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop(child);
  throw new Error(`The extra API did not become healthy:\n${output().slice(-3000)}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** A built console in miniature: index.html and one hashed asset. */
export function consoleFixture(): string {
  const folder = mkdtempSync(join(tmpdir(), 'sg-console-'));
  mkdirSync(join(folder, 'assets'));
  writeFileSync(join(folder, 'index.html'), '<!doctype html><title>Console fixture</title><div id="root"></div>\n');
  writeFileSync(join(folder, 'assets', 'index-abc123.js'), 'console.log("fixture");\n');
  return folder;
}
