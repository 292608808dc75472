import { Client } from 'pg';

/** A direct connection to the suite's database, as its owner: for checking what was (not) written. */
export async function withDb<T>(databaseUrl: string, use: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return await use(db);
  } finally {
    await db.end();
  }
}
