import { randomUUID } from 'node:crypto';
import { withDb } from './db';
import { disclosure } from './disclosures';
import { e2eEnv } from './env';
import { eventually, LogEntryJson } from './eventually';
import { HttpResult, request } from './http';
import { firstBrokenSeq } from './independent-jcs';
import { platformHeaders, staffHeaders } from './staff';
import type { ReceivedDelivery } from './webhook-receiver';

/**
 * The case lifecycle driven over HTTP only, as the people of SPEC §1 would: each actor logs in (demo accounts,
 * or an account an admin created). Assessor and reviewers are always different people (four eyes).
 */
const { apiUrl, receiverUrl, databaseUrl } = e2eEnv();

/** Who acts: a username whose credentials are fetched when a request is made. */
export type Actor = { username: string; headers: () => Promise<Record<string, string>> };
export const as = (username: string): Actor => ({ username, headers: () => staffHeaders(username) });
/** The platform (API key), which submits disclosures. */
export const PLATFORM: Actor = { username: 'platform', headers: async () => platformHeaders() };

export const AMY = as('officer.amy'); // assesses, records referrals and feedback
export const BEN = as('officer.ben');
export const CAT = as('oncall.cat');
export const DAN = as('supervisor.dan');
export const EVE = as('auditor.eve');

/** A recent past date under the `unified` policy. */
export const OCCURRED_AT = '2026-11-20T21:00:00Z';

export async function call<T = any>(
  actor: Actor | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<HttpResult<T>> {
  return request<T>(apiUrl, method, path, { body, headers: actor ? await actor.headers() : {} });
}

/** The young person's own sharing history, as the platform would fetch it for them (SPEC §5). */
export async function sharingHistory(externalUserId: string): Promise<any[]> {
  const token = await call(PLATFORM, 'POST', '/subject-tokens', { externalUserId });
  expectAnswer(token, 201);
  const history = await request(apiUrl, 'GET', '/me/sharing-history', {
    headers: { Authorization: `Bearer ${token.body.accessToken}` },
  });
  expectAnswer(history, 200);
  return history.body.items;
}

export interface OpenedCase {
  caseId: string;
  externalUserId: string;
}

/**
 * Submits a disclosure and waits for `case.opened` (the workflow starts asynchronously). `contact: null`
 * submits a young person with no contact route at all.
 */
export async function openCase(
  options: { user?: string; channel?: string; age?: number; contact?: Record<string, unknown> | null } = {},
): Promise<OpenedCase> {
  const marker = randomUUID();
  const externalUserId = options.user ?? `user-${marker}`;
  const subject: Record<string, unknown> = { externalUserId };
  if (options.age !== undefined) subject.age = options.age;
  if (options.contact !== null) subject.contact = options.contact ?? { platformMessage: true };
  const created = await call(
    PLATFORM,
    'POST',
    '/disclosures',
    disclosure(marker, { channel: options.channel ?? 'boards', occurredAt: OCCURRED_AT, subject }),
  );
  if (created.status !== 201) throw new Error(`disclosure refused: ${created.status} ${JSON.stringify(created.body)}`);
  const caseId = created.body.caseId as string;
  await waitForEntry(caseId, 'case.opened');
  return { caseId, externalUserId };
}

export async function logOf(caseId: string): Promise<LogEntryJson[]> {
  const { status, body } = await call<{ entries: LogEntryJson[] }>(EVE, 'GET', `/cases/${caseId}/log`);
  if (status !== 200) throw new Error(`GET /cases/${caseId}/log answered ${status}`);
  return body.entries;
}

/** The log, once it holds an entry of `type` (matching `match`, when given); entries come from workflow activities. */
export function waitForEntry(
  caseId: string,
  type: string,
  match: (e: LogEntryJson) => boolean = () => true,
  timeoutMs = 20_000,
): Promise<LogEntryJson[]> {
  return eventually(
    `${type} in the log of case ${caseId}`,
    // Watch the database, so waiting adds no case.viewed entries; then read the log once, as a person would.
    async () => {
      const rows = await withDb(
        databaseUrl,
        async (db) =>
          (
            await db.query('SELECT type, actor, data FROM case_log_entries WHERE case_id = $1 AND type = $2', [
              caseId,
              type,
            ])
          ).rows,
      );
      return rows.some((e) => match(e as LogEntryJson)) ? logOf(caseId) : undefined;
    },
    timeoutMs,
  );
}

export async function caseView(caseId: string, actor: Actor = DAN): Promise<any> {
  const { status, body } = await call(actor, 'GET', `/cases/${caseId}`);
  if (status !== 200) throw new Error(`GET /cases/${caseId} answered ${status}`);
  return body;
}

export function waitForStatus(caseId: string, status: string, timeoutMs = 20_000): Promise<any> {
  return eventually(
    `case ${caseId} to be ${status}`,
    async () => {
      const view = await caseView(caseId);
      return view.status === status ? view : undefined;
    },
    timeoutMs,
  );
}

/** Every delivery attempt the stand-in platform and agencies received for the case. */
export async function deliveries(caseId: string, path?: string): Promise<ReceivedDelivery[]> {
  const all = (await (await fetch(`${receiverUrl}/received?caseId=${caseId}`)).json()) as ReceivedDelivery[];
  return path ? all.filter((d) => d.path === path) : all;
}

/**
 * Every case matching the query, page by page (the queue is shared by the whole suite). The queue is ordered by
 * urgency, so a case that escalates between two pages can appear on both: each case is kept once, as last seen.
 */
export async function listAll(
  query: string,
  actor: Actor = DAN,
): Promise<{ id: string; status: string; escalated: boolean; level: string | null }[]> {
  const items = new Map<string, any>();
  for (let offset = 0, seen = 0; ; offset += 200) {
    const { status, body } = await call(actor, 'GET', `/cases?${query}&limit=200&offset=${offset}`);
    if (status !== 200) throw new Error(`GET /cases?${query} answered ${status}: ${JSON.stringify(body)}`);
    for (const item of body.items) items.set(item.id, item);
    seen += body.items.length;
    if (body.items.length === 0 || seen >= body.total) return [...items.values()];
  }
}

export interface AssessmentBody {
  age?: number;
  adultAtRisk?: boolean;
  indicators: string[];
  declaredSafe?: boolean;
  informationComplete?: boolean;
  hasSocialWorker?: boolean;
  notes?: string;
}

export function assess(caseId: string, body: AssessmentBody, actor: Actor = AMY): Promise<HttpResult> {
  return call(actor, 'POST', `/cases/${caseId}/assessment`, {
    adultAtRisk: false,
    declaredSafe: false,
    informationComplete: true,
    hasSocialWorker: false,
    notes: 'Assessed from the transcript.',
    ...body,
  });
}

export const review = (caseId: string, actor: Actor, body: Record<string, unknown>) =>
  call(actor, 'POST', `/cases/${caseId}/review`, body);
export const refer = (caseId: string, body: Record<string, unknown>, actor: Actor = AMY) =>
  call(actor, 'POST', `/cases/${caseId}/referrals`, body);
export const feedback = (
  caseId: string,
  agency: string,
  text = 'Officers visited; the young person is safe.',
  actor: Actor = AMY,
) => call(actor, 'POST', `/cases/${caseId}/feedback`, { agency, feedback: text });

/** Fails unless the request was answered with `status` (and `code`, when given): shows the body when not. */
export function expectAnswer(result: HttpResult, status: number, code?: string): void {
  expect({ status: result.status, ...(code ? { code: result.body?.code } : {}) }).toEqual({
    status,
    ...(code ? { code } : {}),
  });
}

/** What timers and background deliveries append on their own, whatever requests come in meanwhile. */
const BACKGROUND = new Set([
  'review.escalated',
  'staff.paged', // the on-call paging loop runs beside the steps
  'subject.notified',
  'subject.notification_failed',
  'subject.notification_not_possible',
  'referral.sent',
  'referral.delivery_failed',
  'feedback.requested',
  'feedback.not_received',
]);

/**
 * A refused request writes nothing (SPEC §5). Only the system's own timers and deliveries may append meanwhile,
 * as they are not caused by the request.
 */
export async function expectRefusedWithoutWriting(
  caseId: string,
  attempt: () => Promise<HttpResult>,
  status: number,
  code?: string,
): Promise<HttpResult> {
  const before = await logOf(caseId);
  const result = await attempt();
  expectAnswer(result, status, code);
  const after = await logOf(caseId);
  expect(after.slice(0, before.length)).toEqual(before);
  // Allowed meanwhile: the system's own timers and deliveries, and this check's own read of the log (as EVE).
  const ownRead = (e: LogEntryJson) => e.type === 'case.viewed' && e.actor === EVE.username;
  expect(
    after.slice(before.length).filter((e) => !ownRead(e) && (e.actor !== 'system' || !BACKGROUND.has(e.type))),
  ).toEqual([]);
  return result;
}

const count = (entries: LogEntryJson[], type: string, agency?: string) =>
  entries.filter((e) => e.type === type && (agency === undefined || e.data?.agency === agency)).length;

/** Reads of a case may be logged (case.viewed, log.exported); they are not steps of the path. */
const READ_TYPES = new Set(['case.viewed', 'log.exported']);
/**
 * Paging runs beside an emergency's steps: whether a page went before the decision is timing, so a path's types
 * leave them out (test/paging-loop.e2e-spec.ts checks them); they are still checked for duplicates below.
 */
const PAGING_TYPES = new Set(['staff.paged', 'review.acknowledged']);
/** Steps that may legitimately happen more than once with the same identity. */
const REPEATABLE = new Set(['involvement.recorded', ...READ_TYPES]);

/** The identity of a step: the same identity twice means a step was written twice. */
function stepIdentity(e: LogEntryJson): string {
  const d = e.data ?? {};
  return JSON.stringify([
    e.type,
    d.agency ?? null,
    d.round ?? null,
    d.escalation ?? null,
    d.kind ?? null,
    e.type === 'notification.deferred' ? d.reviewAt : null,
    PAGING_TYPES.has(e.type) ? [d.level, d.repeat ?? null, d.acknowledgedBy ?? null] : null,
  ]);
}

/**
 * SPEC §4 for a finished path: the chain recomputes from the rule alone, the path's entry types are exactly
 * `types`, it opens once and closes once, and no step (type, agency, round, escalation) appears twice.
 */
export function expectSoundLog(entries: LogEntryJson[], types: string[], agencies: string[] = []): void {
  expect(firstBrokenSeq(entries)).toBeUndefined();
  expect(new Set(entries.map((e) => e.caseId)).size).toBe(1);
  expect(
    [...new Set(entries.map((e) => e.type).filter((t) => !READ_TYPES.has(t) && !PAGING_TYPES.has(t)))].sort(),
  ).toEqual([...new Set(types)].sort());
  expect(entries[0].type).toBe('case.opened');
  expect(count(entries, 'case.opened')).toBe(1);
  if (types.includes('case.closed')) {
    expect(count(entries, 'case.closed')).toBe(1);
    expect(entries.filter((e) => !READ_TYPES.has(e.type)).at(-1)!.type).toBe('case.closed');
  }
  const seen = new Map<string, number>();
  for (const e of entries) if (!REPEATABLE.has(e.type)) seen.set(stepIdentity(e), (seen.get(stepIdentity(e)) ?? 0) + 1);
  expect([...seen].filter(([, n]) => n > 1)).toEqual([]);
  for (const agency of agencies) {
    expect({ agency, referrals: count(entries, 'referral.recorded', agency) }).toEqual({ agency, referrals: 1 });
    const told = ['subject.notified', 'subject.notification_not_possible', 'subject.notification_failed'].map((t) =>
      count(entries, t, agency),
    );
    expect({ agency, toldOnce: told.reduce((a, b) => a + b, 0) }).toEqual({ agency, toldOnce: 1 });
  }
}

/** The first entries of these types come in this order. */
export function expectInOrder(entries: LogEntryJson[], types: string[]): void {
  expect(types.filter((t) => !entries.some((e) => e.type === t))).toEqual([]);
  const firsts = types.map((t) => entries.find((e) => e.type === t)!);
  expect(firsts.map((e) => e.type)).toEqual([...firsts].sort((a, b) => a.seq - b.seq).map((e) => e.type));
}

export const entriesOf = (entries: LogEntryJson[], type: string) => entries.filter((e) => e.type === type);
