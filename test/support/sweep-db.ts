import type { Client } from 'pg';
import { withDb } from './db';

/**
 * "Nothing is written when a request is refused" (SPEC §5), checked in the database around each sweep: row
 * counts of every table a request could write to, plus fingerprints of the rows a request could change
 * (staff accounts, cases, tasks). Only the system's timers and deliveries may write meanwhile (a review deadline
 * escalating every few seconds, a feedback request and its time-out, the staff alerts they send), which no request
 * causes: on the sweep's setup cases, and on any case, since the suite's other files share this stack and their
 * waiting cases escalate beside the sweep. A request's own step writes entries of other types, which are counted.
 */

/** What timers and background deliveries append on their own (as in support/lifecycle-api.ts). */
const BACKGROUND_TYPES = [
  'review.escalated',
  'subject.notified',
  'subject.notification_failed',
  'subject.notification_not_possible',
  'referral.sent',
  'referral.delivery_failed',
  'feedback.requested',
  'feedback.not_received',
];

/** Tasks that those timers and deliveries open or close (a request that closed one would also log its step). */
const BACKGROUND_TASK_KINDS = [
  'FEEDBACK',
  'NOTIFICATION_FAILED',
  'REFERRAL_DELIVERY_FAILED',
  'NOTIFICATION_DEFERRAL_REVIEW',
];
const OWN_TASKS = `NOT (case_id = ANY($1::uuid[]) AND kind = ANY($2))`;

export interface Footprint {
  cases: number;
  case_log_entries: number;
  case_tasks: number;
  staff_accounts: number;
  outbox_messages: number;
  /** usernames, roles, password hashes, disabled */
  staffState: string;
  /** status, level, disclosure, subject, assessor (not `escalated` or deadlines, which timers change) */
  caseState: string;
  /** which tasks are completed */
  taskState: string;
}

async function read(db: Client, setupCaseIds: string[]): Promise<Footprint> {
  const one = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0].v as string;
  // (one query at a time: a pg client runs them in turn anyway)
  const queries: [string, unknown[]?][] = [
    ['SELECT count(*)::int AS v FROM cases'],
    [
      `SELECT count(*)::int AS v FROM case_log_entries WHERE NOT (actor = 'system' AND type = ANY($1))`,
      [BACKGROUND_TYPES],
    ],
    [`SELECT count(*)::int AS v FROM case_tasks WHERE ${OWN_TASKS}`, [setupCaseIds, BACKGROUND_TASK_KINDS]],
    ['SELECT count(*)::int AS v FROM staff_accounts'],
    [`SELECT count(*)::int AS v FROM outbox_messages WHERE NOT (case_id IS NOT NULL AND kind = 'staff.notification')`],
    [
      `SELECT coalesce(md5(string_agg(username || ':' || array_to_string(roles, ',') || ':' || password_hash || ':' || coalesce(disabled_at::text, '-'), '|' ORDER BY username)), '') AS v FROM staff_accounts`,
    ],
    [
      `SELECT coalesce(md5(string_agg(concat_ws(':', id, status, level, summary, channel, occurred_at, subject_external_user_id, subject_age, subject_contact::text, identifying::text, assessed_by), '|' ORDER BY id)), '') AS v FROM cases`,
    ],
    [
      `SELECT coalesce(md5(string_agg(id::text || ':' || coalesce(completed_at::text, '-'), '|' ORDER BY id)), '') AS v FROM case_tasks WHERE ${OWN_TASKS}`,
      [setupCaseIds, BACKGROUND_TASK_KINDS],
    ],
  ];
  const values: string[] = [];
  for (const [sql, params] of queries) values.push(await one(sql, params));
  const [cases, entries, tasks, staff, outbox, staffState, caseState, taskState] = values;
  return {
    cases: Number(cases),
    case_log_entries: Number(entries),
    case_tasks: Number(tasks),
    staff_accounts: Number(staff),
    outbox_messages: Number(outbox),
    staffState,
    caseState,
    taskState,
  };
}

const same = (a: Footprint, b: Footprint) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The footprint once writes have stopped (two equal readings 250 ms apart): what a workflow or delivery
 * still had under way lands before the reading, not in the next sweep's window.
 */
export async function settledFootprint(
  databaseUrl: string,
  setupCaseIds: string[],
  timeoutMs = 20_000,
): Promise<Footprint> {
  return withDb(databaseUrl, async (db) => {
    const deadline = Date.now() + timeoutMs;
    let last = await read(db, setupCaseIds);
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      const next = await read(db, setupCaseIds);
      if (same(last, next) || Date.now() > deadline) return next;
      last = next;
    }
  });
}

export async function databaseNow(databaseUrl: string): Promise<Date> {
  return withDb(databaseUrl, async (db) => (await db.query('SELECT now() AS now')).rows[0].now as Date);
}

/**
 * What changed between two footprints, with the rows written since `since` (a database time) so a failure
 * says what the write was. Empty when nothing was written.
 */
export async function writesBetween(
  databaseUrl: string,
  setupCaseIds: string[],
  before: Footprint,
  after: Footprint,
  since: Date,
): Promise<string[]> {
  const changes = (Object.keys(before) as (keyof Footprint)[])
    .filter((key) => before[key] !== after[key])
    .map((key) => (typeof before[key] === 'number' ? `${key} ${before[key]} → ${after[key]}` : `${key} changed`));
  if (!changes.length) return [];
  const rows = await withDb(databaseUrl, async (db) => {
    const q = async (label: string, sql: string, params: unknown[]) =>
      (await db.query(sql, params)).rows.map((r) => `${label} ${JSON.stringify(r)}`);
    return [
      ...(await q(
        'case',
        'SELECT id, submitted_by, channel, left(summary, 60) AS summary, left(subject_external_user_id, 40) AS subject FROM cases WHERE created_at >= $1 ORDER BY created_at LIMIT 5',
        [since],
      )),
      ...(await q(
        'log',
        `SELECT case_id, type, actor FROM case_log_entries WHERE at >= $1 AND NOT (actor = 'system' AND type = ANY($2)) ORDER BY at LIMIT 8`,
        [since, BACKGROUND_TYPES],
      )),
      ...(await q(
        'staff',
        'SELECT username, roles, created_by, disabled_at FROM staff_accounts WHERE created_at >= $1 OR disabled_at >= $1 LIMIT 5',
        [since],
      )),
      ...(await q(
        'task',
        `SELECT case_id, kind, completed_at FROM case_tasks WHERE (created_at >= $3 OR completed_at >= $3) AND ${OWN_TASKS} LIMIT 5`,
        [setupCaseIds, BACKGROUND_TASK_KINDS, since],
      )),
      ...(await q(
        'outbox',
        `SELECT case_id, kind, recipient FROM outbox_messages WHERE created_at >= $1 AND NOT (case_id IS NOT NULL AND kind = 'staff.notification') LIMIT 5`,
        [since],
      )),
    ];
  });
  return [...changes, ...rows];
}
