import type { Client } from 'pg';
import { withDb } from './db';
import { e2eEnv } from './env';

/** The staff audit chain as the database holds it, and changed behind the service's back as its owner could. */
const { databaseUrl } = e2eEnv();

export interface StaffAuditRow {
  seq: number;
  at: Date;
  actor: string;
  type: string;
  data: Record<string, unknown>;
  prev_hash: string;
  hash: string;
  key_id: string;
  signature: string;
}

export function staffAuditRows(username?: string): Promise<StaffAuditRow[]> {
  return withDb(databaseUrl, async (db) => {
    const { rows } = await db.query<StaffAuditRow>(
      `SELECT * FROM staff_audit_entries WHERE $1::text IS NULL OR data->>'username' = $1 ORDER BY seq`,
      [username ?? null],
    );
    return rows;
  });
}

export const staffAuditLength = () =>
  withDb(databaseUrl, async (db) => Number((await db.query('SELECT count(*) FROM staff_audit_entries')).rows[0].count));

const TRIGGER = 'staff_audit_entries_no_update_delete';
const COLUMNS = ['at', 'actor', 'type', 'data', 'prev_hash', 'hash', 'key_id', 'signature'] as const;

/**
 * Changes rows from `fromSeq` on as the database owner could (the append-only trigger off for one transaction, as
 * test/support/tamper.ts does), runs `check` while they are changed, then puts them back. The chain's own lock is held
 * throughout, so the service appends nothing meanwhile that would link to a changed row.
 */
export function whileTampered<T>(
  fromSeq: number,
  change: (db: Client, rows: StaffAuditRow[]) => Promise<unknown>,
  check: () => Promise<T>,
): Promise<T> {
  return withDb(databaseUrl, async (db) => {
    await db.query(`SELECT pg_advisory_lock(hashtext('staff_audit_entries'))`);
    try {
      const { rows } = await db.query<StaffAuditRow>('SELECT * FROM staff_audit_entries WHERE seq >= $1 ORDER BY seq', [
        fromSeq,
      ]);
      await withTriggerOff(db, () => change(db, rows));
      try {
        return await check();
      } finally {
        await withTriggerOff(db, async () => {
          for (const row of rows)
            await db.query(
              `UPDATE staff_audit_entries SET ${COLUMNS.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE seq = $1`,
              [row.seq, ...COLUMNS.map((c) => (c === 'data' ? JSON.stringify(row.data) : row[c]))],
            );
        });
      }
    } finally {
      await db.query(`SELECT pg_advisory_unlock(hashtext('staff_audit_entries'))`);
    }
  });
}

async function withTriggerOff(db: Client, change: () => Promise<unknown>): Promise<void> {
  await db.query('BEGIN');
  try {
    await db.query(`ALTER TABLE staff_audit_entries DISABLE TRIGGER ${TRIGGER}`);
    await change();
    await db.query(`ALTER TABLE staff_audit_entries ENABLE ALWAYS TRIGGER ${TRIGGER}`);
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}
