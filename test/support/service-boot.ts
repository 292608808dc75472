import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DIST } from '../../scripts/stack/paths';
import { isPortOpen } from '../../scripts/stack/ports';
import { migrate } from '../../scripts/migrate';
import { withDb } from './db';
import { e2eEnv } from './env';

export const API_MAIN = join(DIST, 'apps/api/src/main.js');
export const WORKER_MAIN = join(DIST, 'apps/worker/src/main.js');

/**
 * Everything a production start needs besides its database and Temporal (docs/configuration.md): secrets fresh for
 * each call, and the routes people rely on (docs/paging.md). Nothing here is ever reached: the hosts do not exist.
 */
export function productionSecrets(): Record<string, string> {
  return {
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    PLATFORM_API_KEY: randomBytes(32).toString('hex'),
    DISCLOSURE_FINGERPRINT_KEY: randomBytes(32).toString('hex'),
    TEMPORAL_PAYLOAD_KEY: randomBytes(32).toString('base64'),
    LOG_SIGNING_KEY: generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'der' })
      .toString('base64'),
    MFA_SECRET_KEYS: randomBytes(32).toString('base64'),
    METRICS_TOKEN: randomBytes(16).toString('hex'),
    PLATFORM_WEBHOOK_URL: 'https://platform.example.org/hooks/safeguarding',
    PLATFORM_WEBHOOK_SECRET: randomBytes(16).toString('hex'),
    SMTP_URL: 'smtp://127.0.0.1:9',
    MAIL_FROM: 'Safeguarding <safeguarding@example.org>',
    CONSOLE_BASE_URL: 'https://safeguarding.example.org',
  };
}

/** A database of its own (migrated, with its own login), so a production start never sees the suite's demo accounts. */
export async function freshDatabase(): Promise<string> {
  const owner = new URL(e2eEnv().databaseUrl);
  const name = `sg_boot_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(16).toString('hex');
  await withDb(owner.toString(), async (db) => {
    await db.query(`CREATE DATABASE ${name}`);
    await db.query(`CREATE ROLE ${name} LOGIN PASSWORD '${password}' IN ROLE safeguarding_app`);
  });
  owner.pathname = `/${name}`;
  await migrate(owner.toString());
  const service = new URL(owner);
  service.username = name;
  service.password = password;
  return service.toString();
}

export interface BootResult {
  /** the exit code, or 'listening' when the API came up (it is stopped again) */
  outcome: number | 'listening' | 'still running';
  output: string;
}

/**
 * Starts a compiled service with exactly `env` (nothing inherited but PATH) and reports how its boot ended:
 * the exit code it refused with, or that it started listening on `port`.
 */
export function boot(
  script: string,
  env: Record<string, string>,
  port?: number,
  whileListening: (url: string) => Promise<void> = async () => undefined,
  timeoutMs = 60_000,
): Promise<BootResult> {
  const child = spawn(process.execPath, [script], { env: { PATH: process.env.PATH ?? '', ...env } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let listening = false;
  return new Promise((resolve, reject) => {
    const finish = (outcome: BootResult['outcome']) => {
      clearInterval(poll);
      clearTimeout(deadline);
      if (child.exitCode === null) child.kill('SIGKILL');
      resolve({ outcome, output });
    };
    child.once('exit', (code) => finish(code ?? -1));
    const poll = setInterval(() => {
      if (port === undefined || listening) return;
      void isPortOpen(port).then(async (open) => {
        if (!open || listening) return;
        listening = true;
        await whileListening(`http://127.0.0.1:${port}`).then(
          () => finish('listening'),
          (error: Error) => {
            child.kill('SIGKILL');
            reject(error);
          },
        );
      });
    }, 300);
    const deadline = setTimeout(() => finish('still running'), timeoutMs);
  });
}
