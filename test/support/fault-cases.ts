import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { disclosure } from './disclosures';
import { Answer, FaultApi, PLATFORM } from './fault-api';
import { randomBetween, sleep } from './fault-stack';
import { firstBrokenSeq } from './independent-jcs';
import type { ReceivedDelivery } from './webhook-receiver';

/**
 * The emergency path of SPEC §3 driven over HTTP while parts of the stack are broken, and the checks of what it
 * left behind, by business identity (case id + type + agency/round), never by run id.
 *
 *   disclosure → assessment (officer.amy) → on-call approval (oncall.cat) → 999 referral (officer.amy)
 *   → subject.notified (automatic) → feedback.requested → feedback (officer.amy) → case.closed
 *
 * A driver reads where its case is from the database (so waiting adds no case.viewed entries) and does the next
 * step; any failed or ambiguous answer (5xx, a dropped connection, a 409 because the workflow has not caught up)
 * is simply followed by reading the case again. Steps are Temporal updates the workflow refuses when they are
 * not current, so repeating a request whose answer was lost can never write a step twice.
 */
export const AGENCY = 'EMERGENCY_SERVICES';
const AMY = 'officer.amy';
const CAT = 'oncall.cat';
const OCCURRED_AT = '2026-11-20T21:00:00Z';
/** An assessment the policy answers with EMERGENCY → 999. */
export const EMERGENCY_ASSESSMENT = {
  age: 15,
  indicators: ['SUICIDE_PLAN_IMMEDIATE'],
  adultAtRisk: false,
  declaredSafe: false,
  informationComplete: true,
  hasSocialWorker: false,
  notes: 'Assessed from the transcript.',
};

/** The database as its owner, tolerant of PostgreSQL going away: a query that fails answers undefined. */
export class CaseDb {
  private readonly pool: Pool;

  constructor(databaseUrl: string) {
    this.pool = new Pool({
      connectionString: databaseUrl,
      max: 4,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 5000,
    });
    this.pool.on('error', () => undefined); // an idle client lost when PostgreSQL restarts
  }

  async query<T = any>(sql: string, params: unknown[] = []): Promise<T[] | undefined> {
    try {
      return (await this.pool.query(sql, params)).rows as T[];
    } catch {
      return undefined;
    }
  }

  /** Like query, but waits for the database to answer (for the checks at the end). */
  async must<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
    for (let i = 0; ; i++) {
      try {
        return (await this.pool.query(sql, params)).rows as T[];
      } catch (error) {
        if (i >= 60) throw error;
        await sleep(1000);
      }
    }
  }

  async caseState(caseId: string): Promise<{ status: string; workflowStarted: boolean; types: string[] } | undefined> {
    const rows = await this.query<{ status: string; started: boolean; types: string[] | null }>(
      `SELECT c.status, c.workflow_started_at IS NOT NULL AS started,
              (SELECT array_agg(e.type ORDER BY e.seq) FROM case_log_entries e WHERE e.case_id = c.id AND e.type <> 'case.viewed') AS types
         FROM cases c WHERE c.id = $1`,
      [caseId],
    );
    const row = rows?.[0];
    return row ? { status: row.status, workflowStarted: row.started, types: row.types ?? [] } : undefined;
  }

  /** Every entry's business position (seq, hash) of the given cases, for checking that nothing was lost. */
  async snapshot(caseIds: string[]): Promise<Map<string, { seq: number; hash: string; type: string }[]>> {
    const rows = await this.must<{ case_id: string; seq: number; hash: string; type: string }>(
      'SELECT case_id, seq, hash, type FROM case_log_entries WHERE case_id = ANY($1) ORDER BY case_id, seq',
      [caseIds],
    );
    const byCase = new Map<string, { seq: number; hash: string; type: string }[]>();
    for (const r of rows)
      byCase.set(r.case_id, [...(byCase.get(r.case_id) ?? []), { seq: Number(r.seq), hash: r.hash, type: r.type }]);
    return byCase;
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}

export interface DriveOptions {
  /** pause before each staff step, as people take their time (ms) */
  thinkMs?: [number, number];
  /** the case must be CLOSED by then (epoch ms) */
  deadline: number;
  /** called once the case exists */
  onCreated?: (caseId: string) => void;
  /** drive a case that already exists instead of opening one */
  caseId?: string;
  /** told when a staff step is sent, and when its answer (or its failure) is back */
  onStep?: (event: 'sent' | 'answered', step: string, caseId: string) => void;
}

export interface DrivenCase {
  caseId?: string;
  idempotencyKey: string;
  closed: boolean;
  /** where it stood when the deadline passed */
  lastState?: string;
  requests: number;
  /** answers other than 2xx, by status (0: no answer) */
  failures: Record<string, number>;
  feedback?: 'received' | 'not_received';
  ms: number;
}

type Step = { name: string; who: string; path: string; body: unknown };

function nextStep(caseId: string, status: string, types: string[]): Step | undefined {
  const has = (t: string) => types.includes(t);
  if (status === 'AWAITING_ASSESSMENT' && has('case.opened') && !has('assessment.submitted')) {
    return {
      name: 'assessment',
      who: AMY,
      path: `/cases/${caseId}/assessment`,
      body: EMERGENCY_ASSESSMENT,
    };
  }
  if (status === 'AWAITING_REVIEW' && !has('review.decided'))
    return { name: 'review', who: CAT, path: `/cases/${caseId}/review`, body: { decision: 'APPROVE' } };
  if (status === 'AWAITING_REFERRAL' && !has('referral.recorded')) {
    return {
      name: 'referral',
      who: AMY,
      path: `/cases/${caseId}/referrals`,
      body: {
        agency: AGENCY,
        method: 'PHONE',
        sharedData: { name: 'Sam Example', phone: '+44 7700 900123' },
        agencyReference: `CAD-${caseId.slice(0, 8)}`,
      },
    };
  }
  if (
    status === 'AWAITING_FEEDBACK' &&
    has('feedback.requested') &&
    !has('feedback.received') &&
    !has('feedback.not_received')
  ) {
    return {
      name: 'feedback',
      who: AMY,
      path: `/cases/${caseId}/feedback`,
      body: { agency: AGENCY, feedback: 'Police attended; taken to A&E, safe.' },
    };
  }
  return undefined;
}

/** Opens one emergency case and drives it to CLOSED, whatever breaks meanwhile (until the deadline). */
export async function driveEmergencyCase(api: FaultApi, db: CaseDb, options: DriveOptions): Promise<DrivenCase> {
  const started = Date.now();
  const marker = randomUUID();
  const result: DrivenCase = {
    caseId: options.caseId,
    idempotencyKey: options.caseId ? '' : `fault-${marker}`,
    closed: false,
    requests: 0,
    failures: {},
    ms: 0,
  };
  const [thinkMin, thinkMax] = options.thinkMs ?? [0, 0];
  const note = (answer: Answer) => {
    result.requests++;
    if (answer.status < 200 || answer.status > 299)
      result.failures[answer.status] = (result.failures[answer.status] ?? 0) + 1;
  };

  // Intake: retried with the same Idempotency-Key, so a lost answer never makes a second case.
  const body = disclosure(marker, { occurredAt: OCCURRED_AT });
  while (!result.caseId) {
    if (Date.now() > options.deadline) return { ...result, lastState: 'intake', ms: Date.now() - started };
    const answer = await api.call(PLATFORM, 'POST', '/disclosures', body, { 'Idempotency-Key': result.idempotencyKey });
    note(answer);
    if (answer.status === 201 || answer.status === 200) result.caseId = answer.body.caseId as string;
    else await sleep(1000);
  }
  const caseId = result.caseId;
  options.onCreated?.(caseId);

  let lastStep = '';
  let lastState = '';
  while (Date.now() < options.deadline) {
    const state = await db.caseState(caseId);
    if (!state) {
      await sleep(500);
      continue;
    }
    lastState = `${state.status} [${state.types.join(', ')}]`;
    if (state.status === 'CLOSED') {
      result.closed = true;
      result.feedback = state.types.includes('feedback.received')
        ? 'received'
        : state.types.includes('feedback.not_received')
          ? 'not_received'
          : undefined;
      break;
    }
    const step = nextStep(caseId, state.status, state.types);
    if (!step) {
      await sleep(300);
      continue;
    }
    if (step.name !== lastStep && step.name !== 'feedback') await sleep(randomBetween(thinkMin, thinkMax)); // people take their time; feedback is answered at once
    lastStep = step.name;
    options.onStep?.('sent', step.name, caseId);
    const answer = await api.call(step.who, 'POST', step.path, step.body);
    options.onStep?.('answered', step.name, caseId);
    note(answer);
    if (answer.status < 200 || answer.status > 299) await sleep(randomBetween(300, 1000));
  }
  return { ...result, lastState: result.closed ? 'CLOSED' : lastState, ms: Date.now() - started };
}

/** SPEC §4's reads: entries that record a read, not a step. */
const READ_TYPES = new Set(['case.viewed', 'log.exported']);
/** Steps that may legitimately happen more than once with the same identity. */
const REPEATABLE = new Set(['involvement.recorded', ...READ_TYPES]);

/**
 * The business identity of a step (as test/support/lifecycle-api.ts defines it): the same identity twice is a
 * duplicate.
 */
function stepIdentity(e: { type: string; data: any }): string {
  const d = e.data ?? {};
  return JSON.stringify([
    e.type,
    d.agency ?? null,
    d.round ?? null,
    d.escalation ?? null,
    d.kind ?? null,
    e.type === 'notification.deferred' ? d.reviewAt : null,
    // a page is one per (round, level, repeat); an acknowledgement one per (round, level, person)
    e.type === 'staff.paged' || e.type === 'review.acknowledged' ? [d.level, d.repeat, d.acknowledgedBy] : null,
  ]);
}

export interface AuditReport {
  cases: number;
  closed: number;
  /** every duplicated step, delivery or case found: `caseId identity ×n` */
  duplicates: string[];
  /** steps that should be there once and are not there at all */
  missing: string[];
  /** chains that do not recompute (firstBrokenSeq) or that the API's verifier refuses */
  brokenChains: string[];
  /** accepted deliveries with a bad signature or for the wrong case/agency */
  badDeliveries: string[];
  /** accepted platform deliveries repeated with the same X-Delivery-Id (allowed: the platform drops them) */
  redeliveriesSameId: number;
  feedbackReceived: number;
  feedbackNotReceived: number;
  entries: number;
}

/**
 * Checks each case after the faults: CLOSED; exactly one case.opened, referral.recorded and subject.notified per
 * case/agency and no step identity twice; the chain recomputes from SPEC §4 alone (firstBrokenSeq) and the API's
 * verifier agrees; the platform accepted exactly one delivery per case/agency (one distinct X-Delivery-Id).
 */
export async function auditCases(
  api: FaultApi,
  db: CaseDb,
  receiverUrl: string,
  caseIds: string[],
): Promise<AuditReport> {
  const report: AuditReport = {
    cases: caseIds.length,
    closed: 0,
    duplicates: [],
    missing: [],
    brokenChains: [],
    badDeliveries: [],
    redeliveriesSameId: 0,
    feedbackReceived: 0,
    feedbackNotReceived: 0,
    entries: 0,
  };
  const statuses = new Map(
    (await db.must<{ id: string; status: string }>('SELECT id, status FROM cases WHERE id = ANY($1)', [caseIds])).map(
      (r) => [r.id, r.status],
    ),
  );
  const received = (await (await fetch(`${receiverUrl}/received`)).json()) as ReceivedDelivery[];

  const queue = [...caseIds];
  const worker = async () => {
    for (let caseId = queue.shift(); caseId; caseId = queue.shift()) {
      if (statuses.get(caseId) === 'CLOSED') report.closed++;
      const log = await api.call<{ entries: any[] }>('auditor.eve', 'GET', `/cases/${caseId}/log`);
      if (log.status !== 200) {
        report.brokenChains.push(`${caseId}: GET /log answered ${log.status}`);
        continue;
      }
      const entries = log.body.entries;
      report.entries += entries.length;
      const broken = firstBrokenSeq(entries);
      if (broken !== undefined) report.brokenChains.push(`${caseId}: first broken seq ${broken}`);
      const verified = await api.call('auditor.eve', 'GET', `/cases/${caseId}/log/verify`);
      if (verified.status !== 200 || verified.body?.valid !== true)
        report.brokenChains.push(`${caseId}: /log/verify answered ${verified.status} ${JSON.stringify(verified.body)}`);

      const steps = entries.filter((e) => !READ_TYPES.has(e.type));
      const seen = new Map<string, number>();
      for (const e of steps)
        if (!REPEATABLE.has(e.type)) seen.set(stepIdentity(e), (seen.get(stepIdentity(e)) ?? 0) + 1);
      for (const [identity, n] of seen) if (n > 1) report.duplicates.push(`${caseId} ${identity} ×${n}`);
      const count = (type: string, agency?: string) =>
        steps.filter((e) => e.type === type && (agency === undefined || e.data?.agency === agency)).length;
      for (const [type, agency] of [
        ['case.opened'],
        ['referral.recorded', AGENCY],
        ['subject.notified', AGENCY],
        ['case.closed'],
      ] as [string, string?][]) {
        const n = count(type, agency);
        if (n === 0) report.missing.push(`${caseId} ${type}${agency ? ` ${agency}` : ''}`);
      }
      if (count('feedback.received', AGENCY)) report.feedbackReceived++;
      if (count('feedback.not_received', AGENCY)) report.feedbackNotReceived++;

      const accepted = received.filter(
        (d) => d.path === '/platform' && d.body?.caseId === caseId && d.status >= 200 && d.status < 300,
      );
      const ids = new Set(accepted.map((d) => d.deliveryId));
      if (ids.size > 1)
        report.duplicates.push(
          `${caseId} platform deliveries with ${ids.size} distinct X-Delivery-Ids: ${[...ids].join(', ')}`,
        );
      if (ids.size === 0) report.missing.push(`${caseId} accepted platform delivery`);
      report.redeliveriesSameId += accepted.length - ids.size;
      for (const d of accepted) {
        if (!d.signatureValid || d.body.agency !== AGENCY || !d.deliveryId)
          report.badDeliveries.push(
            `${caseId}: ${JSON.stringify({ signatureValid: d.signatureValid, agency: d.body.agency, deliveryId: d.deliveryId })}`,
          );
      }
    }
  };
  await Promise.all(Array.from({ length: 5 }, worker));
  return report;
}

/** Every case of the stack and every `case-*` workflow: accepted cases without a workflow, workflows without a case. */
export function compareCasesAndWorkflows(
  caseIds: string[],
  workflowIds: string[],
): { withoutWorkflow: string[]; withoutCase: string[]; duplicateWorkflows: string[] } {
  const workflows = new Set(workflowIds);
  const cases = new Set(caseIds.map((id) => `case-${id}`));
  return {
    withoutWorkflow: [...cases].filter((w) => !workflows.has(w)),
    withoutCase: [...workflows].filter((w) => !cases.has(w)),
    duplicateWorkflows: workflowIds.filter((w, i) => workflowIds.indexOf(w) !== i),
  };
}

/** Entries present before a fault that are gone, or changed, after it (nothing may be lost or rewritten). */
export function lostEntries(
  before: Map<string, { seq: number; hash: string; type: string }[]>,
  after: Map<string, { seq: number; hash: string; type: string }[]>,
): string[] {
  const lost: string[] = [];
  for (const [caseId, entries] of before) {
    const now = new Map((after.get(caseId) ?? []).map((e) => [e.seq, e]));
    for (const e of entries) if (now.get(e.seq)?.hash !== e.hash) lost.push(`${caseId} seq ${e.seq} ${e.type}`);
  }
  return lost;
}

/** One line of counts, for quoting. */
export function countsLine(label: string, counts: Record<string, unknown>): string {
  return `[faults] ${label}: ${Object.entries(counts)
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`)
    .join(' ')}`;
}

/**
 * The cases table against the `case-*` workflows Temporal lists, allowing visibility a moment to catch up:
 * every accepted case has exactly one workflow and every workflow has its case.
 */
export async function casesAgainstWorkflows(
  db: CaseDb,
  listWorkflows: () => Promise<{ workflowId: string }[]>,
  timeoutMs = 20_000,
): Promise<{
  cases: number;
  workflows: number;
  withoutWorkflow: string[];
  withoutCase: string[];
  duplicateWorkflows: string[];
}> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const caseIds = (await db.must<{ id: string }>('SELECT id FROM cases')).map((r) => r.id);
    // Case workflows only: the checkpoint and reconciler schedules' runs are not cases.
    const workflowIds = (await listWorkflows())
      .map((w) => w.workflowId)
      .filter((id) => /^case-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id));
    const compared = compareCasesAndWorkflows(caseIds, workflowIds);
    const clean =
      !compared.withoutWorkflow.length && !compared.withoutCase.length && !compared.duplicateWorkflows.length;
    if (clean || Date.now() > deadline) return { cases: caseIds.length, workflows: workflowIds.length, ...compared };
    await sleep(1000);
  }
}
