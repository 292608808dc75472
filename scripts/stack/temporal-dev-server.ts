import { spawn } from 'node:child_process';
import { Connection } from '@temporalio/client';
import { isPortOpen, waitFor } from './ports';
import { ManagedProcess, superviseOnce } from './managed-process';

export interface TemporalDevServerOptions {
  cli: string;
  /** SQLite file that keeps workflows across restarts; omit for an in-memory server */
  dbFile?: string;
  port: number;
  /** omit for a headless server */
  uiPort?: number;
  log?: (line: string) => void;
}

export interface RunningTemporal extends ManagedProcess {
  address: string;
  uiUrl?: string;
}

/** `temporal server start-dev`, bound to loopback, ready when its frontend answers a health check. */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<RunningTemporal> {
  if (await isPortOpen(options.port))
    throw new Error(`Port ${options.port} is already in use; set TEMPORAL_PORT or stop what is using it`);
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--log-level',
    'error',
    '--namespace',
    'default',
  ];
  if (options.dbFile) args.push('--db-filename', options.dbFile, '--sqlite-pragma', 'journal_mode=wal');
  if (options.uiPort) args.push('--ui-port', String(options.uiPort));
  else args.push('--headless');

  const child = spawn(options.cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const managed = superviseOnce('temporal', child, options.log);
  const address = `127.0.0.1:${options.port}`;
  try {
    await waitFor(`the Temporal dev server on ${address}`, () => temporalAnswers(address), 60_000);
  } catch (error) {
    await managed.stop();
    throw error;
  }
  return { ...managed, address, uiUrl: options.uiPort ? `http://localhost:${options.uiPort}` : undefined };
}

export async function temporalAnswers(address: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 1000 });
  try {
    await connection.withDeadline(Date.now() + 1000, () => connection.healthService.check({}));
    return true;
  } finally {
    await connection.close();
  }
}
