import { DataSource } from 'typeorm';
import { databaseTlsFromEnv } from '@sg/config/connection-security';
import { dataSourceOptions } from '@sg/persistence';

export const SERVICE_LOGIN_ROLE = 'safeguarding_service';

/** Applies pending migrations, as the schema owner. */
export async function migrate(ownerUrl: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(ownerUrl, databaseTlsFromEnv(process.env)));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Creates (or re-passwords) the services' login role, a member of the least-privilege safeguarding_app role. */
export async function ensureServiceLogin(ownerUrl: string, password: string): Promise<string> {
  const dataSource = new DataSource(dataSourceOptions(ownerUrl, databaseTlsFromEnv(process.env)));
  await dataSource.initialize();
  try {
    const quoted = `'${password.replace(/'/g, "''")}'`;
    const exists: unknown[] = await dataSource.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [SERVICE_LOGIN_ROLE]);
    await dataSource.query(
      exists.length
        ? `ALTER ROLE ${SERVICE_LOGIN_ROLE} LOGIN PASSWORD ${quoted}`
        : `CREATE ROLE ${SERVICE_LOGIN_ROLE} LOGIN PASSWORD ${quoted} IN ROLE safeguarding_app`,
    );
  } finally {
    await dataSource.destroy();
  }
  const url = new URL(ownerUrl);
  url.username = SERVICE_LOGIN_ROLE;
  url.password = password;
  return url.toString();
}

/**
 * `node dist/scripts/migrate.js`: migrates MIGRATION_DATABASE_URL (else DATABASE_URL); with SERVICE_DB_PASSWORD set,
 * also creates the services' login role with that password.
 */
if (require.main === module) {
  const ownerUrl = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  if (!ownerUrl) {
    console.error('Set MIGRATION_DATABASE_URL (the schema owner) or DATABASE_URL');
    process.exit(2);
  }
  (async () => {
    const names = await migrate(ownerUrl);
    console.log(names.length ? `Applied migrations: ${names.join(', ')}` : 'Database schema is up to date');
    if (process.env.SERVICE_DB_PASSWORD) {
      await ensureServiceLogin(ownerUrl, process.env.SERVICE_DB_PASSWORD);
      console.log(`Login role ${SERVICE_LOGIN_ROLE} is ready`);
    }
  })().catch((error: Error) => {
    console.error(`Migration failed: ${error.message}`);
    process.exit(1);
  });
}
