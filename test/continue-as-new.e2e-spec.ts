import { Client, Connection } from '@temporalio/client';
import { DEVELOPMENT_SECRETS } from '../libs/config/src/development-secrets';
import { encryptedDataConverter } from '../libs/temporal/src/data-converter';
import { PayloadKeyring } from '../libs/temporal/src/payload-keyring';
import { disclosure } from './support/disclosures';
import { eventually } from './support/eventually';
import { E2E_TIMINGS } from './support/global-setup';
import { recordHistory } from './support/histories';
import { HttpResult, request } from './support/http';
import { firstBrokenSeq } from './support/independent-jcs';
import { launchStack, TestStack } from './support/stack';

/**
 * Issue 14 item 5: an emergency nobody reviews escalates every deadline; before its history grows large the workflow
 * continues as new, keeping the case as it was, and the case is then decided and closed as usual. Its own stack: a
 * one-second emergency deadline and the lowest history limit the configuration allows.
 */
const HISTORY_EVENTS_LIMIT = 100;

let stack: TestStack;
let connection: Connection;
let client: Client;
const tokens = new Map<string, string>();

beforeAll(async () => {
  stack = await launchStack({
    env: { ...E2E_TIMINGS, REVIEW_DEADLINE_EMERGENCY: 'PT1S', CASE_HISTORY_EVENTS_LIMIT: String(HISTORY_EVENTS_LIMIT) },
  });
  connection = await Connection.connect({ address: stack.temporalAddress });
  client = new Client({
    connection,
    dataConverter: encryptedDataConverter(PayloadKeyring.fromBase64(DEVELOPMENT_SECRETS.TEMPORAL_PAYLOAD_KEY)),
  });
});
afterAll(async () => {
  await connection?.close();
  await stack?.stop();
});

/** A demo account's request on this stack (the demo accounts sign in with a password alone). */
async function as(username: string, method: string, path: string, body?: unknown): Promise<HttpResult> {
  if (!tokens.has(username)) {
    const login = await request(stack.apiUrl, 'POST', '/auth/login', {
      body: { username, password: DEVELOPMENT_SECRETS.DEMO_PASSWORD },
    });
    if (!login.body?.accessToken) throw new Error(`Login as ${username} answered ${login.status}`);
    tokens.set(username, login.body.accessToken);
  }
  return request(stack.apiUrl, method, path, { body, headers: { Authorization: `Bearer ${tokens.get(username)}` } });
}

/** Polls until `check` holds. */
const until = (what: string, check: () => Promise<boolean>, timeoutMs?: number) =>
  eventually(what, async () => (await check()) || undefined, timeoutMs);
const logOf = async (caseId: string) => (await as('auditor.eve', 'GET', `/cases/${caseId}/log`)).body.entries as any[];
const ofType = (entries: any[], type: string) => entries.filter((e) => e.type === type);

describe('an emergency left unreviewed', () => {
  it('escalates past the history limit, continues as new with its state, then is decided and closed', async () => {
    const created = await request(stack.apiUrl, 'POST', '/disclosures', {
      body: disclosure(undefined, { occurredAt: '2026-11-20T21:00:00Z' }),
      headers: { 'X-Api-Key': DEVELOPMENT_SECRETS.PLATFORM_API_KEY },
    });
    expect(created.status).toBe(201);
    const caseId: string = created.body.caseId;
    const workflow = client.workflow.getHandle(`case-${caseId}`);
    await until('the case opened', async () => ofType(await logOf(caseId), 'case.opened').length === 1);
    const firstRun = (await workflow.describe()).runId;

    const assessed = await as('officer.amy', 'POST', `/cases/${caseId}/assessment`, {
      age: 15,
      adultAtRisk: false,
      indicators: ['SUICIDE_PLAN_IMMEDIATE'],
      declaredSafe: false,
      informationComplete: true,
      hasSocialWorker: false,
      notes: 'Assessed from the transcript.',
    });
    expect(assessed.status).toBe(200);
    const deadline = (await as('supervisor.dan', 'GET', `/cases/${caseId}`)).body.reviewDeadline;

    await until('a second run of the case', async () => (await workflow.describe()).runId !== firstRun, 60_000);
    const first = await client.workflow.getHandle(`case-${caseId}`, firstRun).describe();
    expect(first.status.name).toBe('CONTINUED_AS_NEW');
    expect(first.historyLength).toBeGreaterThanOrEqual(HISTORY_EVENTS_LIMIT);
    const atContinue = ofType(await logOf(caseId), 'review.escalated').length;
    // The new run escalates on, numbering from where the first stopped.
    await until(
      'an escalation by the new run',
      async () => ofType(await logOf(caseId), 'review.escalated').length > atContinue,
      20_000,
    );

    const view = (await as('supervisor.dan', 'GET', `/cases/${caseId}`)).body;
    expect(view).toMatchObject({ id: caseId, status: 'AWAITING_REVIEW', level: 'EMERGENCY', escalated: true });
    expect(view.reviewDeadline).toBe(deadline);

    // Four eyes still knows who assessed it; the on-call decides; the case goes on to closure.
    expect((await as('officer.amy', 'POST', `/cases/${caseId}/review`, { decision: 'APPROVE' })).status).toBe(403);
    expect((await as('oncall.cat', 'POST', `/cases/${caseId}/review`, { decision: 'APPROVE' })).status).toBe(200);
    const sharedData = { name: 'Sam Example', phone: '+44 7700 900123' };
    const referral = { agency: 'EMERGENCY_SERVICES', method: 'PHONE', sharedData };
    expect((await as('officer.amy', 'POST', `/cases/${caseId}/referrals`, referral)).status).toBe(201);
    await until('feedback requested', async () => ofType(await logOf(caseId), 'feedback.requested').length > 0);
    const feedback = { agency: 'EMERGENCY_SERVICES', feedback: 'Officers visited; safe.' };
    expect((await as('officer.amy', 'POST', `/cases/${caseId}/feedback`, feedback)).status).toBe(200);
    await until('the case closed', async () => ofType(await logOf(caseId), 'case.closed').length === 1);

    const entries = await logOf(caseId);
    expect(firstBrokenSeq(entries)).toBeUndefined(); // one hash chain across both runs
    expect(ofType(entries, 'case.opened')).toHaveLength(1);
    expect(ofType(entries, 'review.requested')).toHaveLength(1);
    const escalations = ofType(entries, 'review.escalated').map((e) => [e.data.round, e.data.escalation]);
    expect(escalations).toEqual(escalations.map((_, i) => [1, i + 1]));
    expect(ofType(entries, 'review.decided')[0]).toMatchObject({
      actor: 'oncall.cat',
      data: { round: 1, decision: 'APPROVE', level: 'EMERGENCY' },
    });
    expect((await as('supervisor.dan', 'GET', `/cases/${caseId}`)).body).toMatchObject({
      status: 'CLOSED',
      escalated: false,
    });
    expect((await workflow.describe()).status.name).toBe('COMPLETED');
    await recordHistory(stack.temporalAddress, caseId, 'continue-as-new.first-run', firstRun);
    await recordHistory(stack.temporalAddress, caseId, 'continue-as-new.next-run');
  });
});
