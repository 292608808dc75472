import type { Client } from 'pg';
import { as } from './audit';
import { withDb } from './db';
import { e2eEnv } from './env';

/** Changing the case log as the database owner could, behind the service's back (test/audit-verify.e2e-spec.ts). */
const { databaseUrl } = e2eEnv();

export interface Row {
  case_id: string;
  seq: number;
  at: Date;
  actor: string;
  type: string;
  data: Record<string, unknown>;
  prev_hash: string;
  hash: string;
  step_key: string;
  signature: string | null;
}

const TRIGGER = 'case_log_entries_no_update_delete';

/**
 * Runs `change` on the case's rows with the append-only trigger off for this one transaction: others never see
 * it off (ALTER TABLE holds the table until COMMIT, which switches it back on, ENABLE ALWAYS as before). The
 * case row stays locked throughout, so the workflow's appends wait and `change` sees the chain as it stands.
 * With `checkpointFirst`, an auditor checkpoints the chain heads before anything is changed.
 */
export function tamper(
  caseId: string,
  change: (db: Client, rows: Row[]) => Promise<unknown>,
  options: { checkpointFirst?: boolean } = {},
): Promise<Row[]> {
  return withDb(databaseUrl, async (db) => {
    await db.query('BEGIN');
    try {
      // NO KEY UPDATE holds back appends (FOR UPDATE) but not the checkpoint's foreign-key check (KEY SHARE).
      await db.query('SELECT id FROM cases WHERE id = $1 FOR NO KEY UPDATE', [caseId]);
      if (options.checkpointFirst) {
        const run = await as('auditor.eve', 'POST', '/audit/checkpoints');
        if (run.status !== 200) throw new Error(`checkpoint refused: ${run.status}`);
      }
      const { rows } = await db.query<Row>('SELECT * FROM case_log_entries WHERE case_id = $1 ORDER BY seq', [caseId]);
      await db.query(`ALTER TABLE case_log_entries DISABLE TRIGGER ${TRIGGER}`);
      await change(db, rows);
      await db.query(`ALTER TABLE case_log_entries ENABLE ALWAYS TRIGGER ${TRIGGER}`);
      await db.query('COMMIT');
      return rows;
    } catch (error) {
      await db.query('ROLLBACK');
      throw error;
    }
  });
}

/**
 * Puts the case's rows back as they were (dropping whatever was appended in between), so other tests find a sound log.
 */
export function restore(caseId: string, original: Row[]): Promise<Row[]> {
  return tamper(caseId, async (db) => {
    await db.query('DELETE FROM case_log_entries WHERE case_id = $1', [caseId]);
    await db.query('INSERT INTO case_log_entries SELECT * FROM json_populate_recordset(NULL::case_log_entries, $1)', [
      JSON.stringify(original),
    ]);
  });
}

/** How the log's protective triggers are set: 'A' is ENABLE ALWAYS. */
export async function triggerModes(): Promise<Record<string, string>> {
  return withDb(databaseUrl, async (db) => {
    const { rows } = await db.query(
      `SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'case_log_entries'::regclass AND NOT tgisinternal`,
    );
    return Object.fromEntries(rows.map((r) => [r.tgname, r.tgenabled]));
  });
}
