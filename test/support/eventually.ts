import { withDb } from './db';
import { e2eEnv } from './env';
import { request } from './http';
import { staffHeaders } from './staff';

/** Polls until `check` returns a value (not undefined), or fails with `what` after the timeout. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface LogEntryJson {
  caseId: string;
  seq: number;
  at: string;
  actor: string;
  type: string;
  data: any;
  prevHash: string;
  hash: string;
}

/**
 * The case's log, once it has an entry of `type` (activities append asynchronously). Waits by watching the
 * database, then reads the log once through the API as an auditor, so waiting adds no `case.viewed` entries.
 */
export async function logWith(
  apiUrl: string,
  caseId: string,
  type: string,
  timeoutMs?: number,
  databaseUrl = e2eEnv().databaseUrl,
): Promise<LogEntryJson[]> {
  await eventually(
    `${type} in the log of case ${caseId}`,
    () =>
      withDb(databaseUrl, async (db) =>
        (await db.query('SELECT 1 FROM case_log_entries WHERE case_id = $1 AND type = $2 LIMIT 1', [caseId, type]))
          .rowCount
          ? true
          : undefined,
      ),
    timeoutMs,
  );
  const { status, body } = await request<{ entries: LogEntryJson[] }>(apiUrl, 'GET', `/cases/${caseId}/log`, {
    headers: await staffHeaders('auditor.eve'),
  });
  if (status !== 200) throw new Error(`GET /cases/${caseId}/log answered ${status}`);
  return body.entries;
}
