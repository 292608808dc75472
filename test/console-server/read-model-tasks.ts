import { withDb } from '../support/db';
import { e2eEnv } from '../support/env';

/**
 * Opens a task on a case as the worker does (the same INSERT as its case ledger), so the queue and the event stream
 * can be checked with due times the test chooses; `complete` marks it done, as the worker does.
 */
export async function openTask(caseId: string, kind: string, dueAt: Date | null): Promise<string> {
  return withDb(e2eEnv().databaseUrl, async (db) => {
    const { rows } = await db.query(
      `INSERT INTO case_tasks (case_id, task_key, kind, role, description, due_at)
       VALUES ($1, $2, $3, 'officer', 'Test task', $4) RETURNING id::text`,
      [caseId, `test-${kind}-${Date.now()}-${Math.random()}`, kind, dueAt],
    );
    return rows[0].id as string;
  });
}

export async function completeTask(id: string): Promise<void> {
  await withDb(e2eEnv().databaseUrl, (db) =>
    db.query(`UPDATE case_tasks SET completed_at = now() WHERE id = $1`, [id]),
  );
}
