import { withDb } from './support/db';
import { e2eEnv } from './support/env';

const { serviceDatabaseUrl } = e2eEnv();
/** Append-only tables: the services add and read rows, never change them. */
const APPEND_ONLY = ['case_log_entries', 'case_log_checkpoints'];

describe("the services' database login holds no more than it needs (issue 10)", () => {
  it('may not delete, truncate, reference or trigger anywhere, nor change the log or its checkpoints', async () => {
    await withDb(serviceDatabaseUrl, async (db) => {
      const { rows } = await db.query<{ table_name: string; privileges: string[] }>(
        `SELECT c.relname AS table_name,
                array_remove(ARRAY[
                  CASE WHEN has_table_privilege(c.oid, 'SELECT') THEN 'SELECT' END,
                  CASE WHEN has_table_privilege(c.oid, 'INSERT') THEN 'INSERT' END,
                  CASE WHEN has_table_privilege(c.oid, 'UPDATE') THEN 'UPDATE' END,
                  CASE WHEN has_table_privilege(c.oid, 'DELETE') THEN 'DELETE' END,
                  CASE WHEN has_table_privilege(c.oid, 'TRUNCATE') THEN 'TRUNCATE' END,
                  CASE WHEN has_table_privilege(c.oid, 'REFERENCES') THEN 'REFERENCES' END,
                  CASE WHEN has_table_privilege(c.oid, 'TRIGGER') THEN 'TRIGGER' END], NULL) AS privileges
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`,
      );
      const granted = Object.fromEntries(rows.map((r) => [r.table_name, r.privileges]));
      expect(granted.migrations).toEqual([]); // the schema's history is the owner's
      for (const table of APPEND_ONLY) expect(granted[table]).toEqual(['SELECT', 'INSERT']);
      const beyondUpdate = rows.filter((r) => r.privileges.some((p) => !['SELECT', 'INSERT', 'UPDATE'].includes(p)));
      expect(beyondUpdate).toEqual([]);
    });
  });

  it('owns nothing, creates nothing, and is no superuser', async () => {
    await withDb(serviceDatabaseUrl, async (db) => {
      const { rows } = await db.query(
        `SELECT r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
                has_schema_privilege('public', 'CREATE') AS can_create,
                (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS owned
           FROM pg_roles r WHERE r.rolname = current_user`,
      );
      expect(rows[0]).toEqual({
        rolsuper: false,
        rolcreaterole: false,
        rolcreatedb: false,
        rolbypassrls: false,
        can_create: false,
        owned: 0,
      });
      await expect(db.query('CREATE TABLE shadow (id int)')).rejects.toThrow(/permission denied/);
    });
  });
});
