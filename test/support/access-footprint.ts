import { withDb } from './db';
import { e2eEnv } from './env';

/**
 * What a request could have written, counted so that a refused request can be shown to have written nothing
 * (SPEC §5). Whole tables where only requests write (cases, staff accounts, log entries by people); rows of
 * one case where the system's own timers write too (escalations, deliveries and feedback requests of other
 * tests' cases carry on in the background).
 */
export interface Footprint {
  cases: number;
  staffAccounts: number;
  /** usernames, roles and disabled times of every account: catches a PATCH that got through */
  staffState: string;
  /** entries of the staff audit chain: an account change that got through is recorded there */
  staffAuditEntries: number;
  /** every log entry not written by the system itself: case.viewed, steps, log.exported, … */
  logEntriesByCallers: number;
  caseLogEntries: number;
  caseTasks: number;
  outboxMessages: number;
  /** the case's row, whole: status, level, escalated, deadlines, … */
  caseRow: string;
}

export function footprint(caseId: string): Promise<Footprint> {
  return withDb(e2eEnv().databaseUrl, async (db) => {
    const { rows } = await db.query(
      `SELECT
         (SELECT count(*) FROM cases)::int AS "cases",
         (SELECT count(*) FROM staff_accounts)::int AS "staffAccounts",
         (SELECT coalesce(md5(string_agg(username || ':' || array_to_string(roles, ',') || ':' || coalesce(disabled_at::text, '-'), ';' ORDER BY username)), '')
            FROM staff_accounts) AS "staffState",
         (SELECT count(*) FROM staff_audit_entries)::int AS "staffAuditEntries",
         (SELECT count(*) FROM case_log_entries WHERE actor <> 'system')::int AS "logEntriesByCallers",
         (SELECT count(*) FROM case_log_entries WHERE case_id = $1)::int AS "caseLogEntries",
         (SELECT count(*) FROM case_tasks WHERE case_id = $1)::int AS "caseTasks",
         (SELECT count(*) FROM outbox_messages WHERE case_id = $1)::int AS "outboxMessages",
         (SELECT coalesce(md5(to_jsonb(c)::text), '') FROM cases c WHERE c.id = $1) AS "caseRow"`,
      [caseId],
    );
    return rows[0] as Footprint;
  });
}
