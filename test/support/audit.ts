import { randomUUID } from 'node:crypto';
import { withDb } from './db';
import { disclosure } from './disclosures';
import { e2eEnv } from './env';
import { eventually, LogEntryJson } from './eventually';
import { HttpResult, request } from './http';
import { DemoUsername, staffHeaders } from './staff';

/** Helpers for the auditor's end-to-end tests (test/audit-*.e2e-spec.ts). */
const { apiUrl, databaseUrl } = e2eEnv();

export async function as<T = any>(
  who: DemoUsername,
  method: string,
  path: string,
  body?: unknown,
): Promise<HttpResult<T>> {
  return request<T>(apiUrl, method, path, { body, headers: await staffHeaders(who) });
}

export interface SignedEntryJson extends LogEntryJson {
  signature: string | null;
}

/** Rows of the case's log as the database holds them (reading them this way records no case.viewed). */
async function rowsOf(caseId: string): Promise<LogEntryJson[]> {
  return withDb(
    databaseUrl,
    async (db) =>
      (await db.query('SELECT type, actor, data, seq FROM case_log_entries WHERE case_id = $1 ORDER BY seq', [caseId]))
        .rows,
  );
}

/**
 * The case's log, read once as the auditor, after `done` holds for it in the database (entries are appended
 * asynchronously).
 */
export async function logOnce(
  caseId: string,
  done: (entries: LogEntryJson[]) => boolean,
  what: string,
): Promise<LogEntryJson[]> {
  await eventually(`${what} in the log of case ${caseId}`, async () => (done(await rowsOf(caseId)) ? true : undefined));
  const { status, body } = await as<{ entries: LogEntryJson[] }>('auditor.eve', 'GET', `/cases/${caseId}/log`);
  if (status !== 200) throw new Error(`GET /cases/${caseId}/log answered ${status}`);
  return body.entries;
}

/** Waits until the case's log has an entry of `type`, without reading it through the API. */
async function waitForEntry(caseId: string, type: string): Promise<void> {
  await eventually(`${type} in the log of case ${caseId}`, async () =>
    (await rowsOf(caseId)).some((e) => e.type === type) ? true : undefined,
  );
}

export const hasEntry = (type: string) => (entries: LogEntryJson[]) => entries.some((e) => e.type === type);

/** A new case (filed by an officer), once case.opened is in its log. */
export async function openCase(): Promise<string> {
  const created = await as('officer.amy', 'POST', '/disclosures', disclosure(randomUUID()));
  if (created.status !== 201) throw new Error(`disclosure refused: ${created.status} ${JSON.stringify(created.body)}`);
  await waitForEntry(created.body.caseId, 'case.opened');
  return created.body.caseId as string;
}

/** A case with at least four entries: opened, assessed (assessment, policy, review requested). */
export async function openAssessedCase(): Promise<string> {
  const caseId = await openCase();
  await assess(caseId);
  return caseId;
}

/** Submits an assessment and waits for the review request it leads to. */
export async function assess(caseId: string): Promise<void> {
  const assessment = {
    adultAtRisk: false,
    indicators: [],
    declaredSafe: false,
    informationComplete: true,
    hasSocialWorker: false,
    notes: 'audit test',
  };
  const assessed = await as('officer.amy', 'POST', `/cases/${caseId}/assessment`, assessment);
  if (assessed.status !== 200)
    throw new Error(`assessment refused: ${assessed.status} ${JSON.stringify(assessed.body)}`);
  await waitForEntry(caseId, 'review.requested');
}

export const verifyLog = (caseId: string) => as('auditor.eve', 'GET', `/cases/${caseId}/log/verify`);

const AUDIT_LOCK = 0x5ca1ab1e;

/**
 * Runs `use` while no other audit test does: the tamper tests change rows behind the service's back, and an
 * export running meanwhile would carry the damage. A PostgreSQL advisory lock holds across test files.
 */
export function exclusively<T>(use: () => Promise<T>): Promise<T> {
  return withDb(databaseUrl, async (db) => {
    await db.query('SELECT pg_advisory_lock($1)', [AUDIT_LOCK]);
    try {
      return await use();
    } finally {
      await db.query('SELECT pg_advisory_unlock($1)', [AUDIT_LOCK]);
    }
  });
}
