import { randomUUID } from 'node:crypto';
import {
  bearer,
  expiredStaffToken,
  tokenWithAudienceList,
  tokenWithoutExpiry,
  signToken,
  staffClaims,
  tamperedToken,
  tokenOf,
  tokenSignedElsewhere,
  unsignedToken,
} from './support/access-tokens';
import { footprint } from './support/access-footprint';
import { disclosure } from './support/disclosures';
import { e2eEnv } from './support/env';
import { request } from './support/http';
import {
  assess,
  CAT,
  expectAnswer,
  OCCURRED_AT,
  openCase,
  PLATFORM,
  call,
  refer,
  review,
  waitForEntry,
} from './support/lifecycle-api';
import { multiRoleStaffHeaders, platformHeaders, staffHeaders } from './support/staff';
import { openEvents } from './console-server/event-stream';
import { CONSOLE_HEADER, consoleSession, withCookie } from './console-server/session-client';

/**
 * Issue 5: who may call what (SPEC §1, §5; README "Who may see and do what"). Every endpoint × every caller
 * gets the answer the policy below gives, and a refused request writes nothing.
 *
 * A caller the policy lets through may still be refused by the endpoint itself (a 400 for an empty body): the
 * guard's verdict is what is checked, so allowed callers send harmless requests and must not get 401 or 403.
 * Refused callers send requests that WOULD write if they got through (a valid disclosure, a valid assessment
 * of a case awaiting one, a new staff account, disabling an account), and must get exactly 401 (no or bad
 * credentials) or 403 (wrong role), with nothing written.
 */
const { apiUrl } = e2eEnv();

type Audience = 'officer' | 'on_call' | 'supervisor' | 'auditor' | 'admin' | 'platform' | 'subject';
const ANYONE = 'anyone';
const CASEWORK = ['officer', 'on_call', 'supervisor'] as const; // the people who work cases
const READERS = [...CASEWORK, 'auditor'] as const; // and those who may read them

/** The policy: one row per endpoint, with the audiences it is open to. */
const POLICY: [endpoint: string, who: readonly Audience[] | typeof ANYONE][] = [
  ['POST /disclosures', ['platform', 'officer']],
  ['GET /cases', CASEWORK],
  ['GET /cases/:id', READERS],
  ['GET /cases/:id/log', READERS],
  ['GET /cases/:id/log/verify', ['auditor']],
  ['POST /cases/:id/assessment', ['officer']],
  ['POST /cases/:id/review', ['on_call', 'supervisor']],
  ['POST /cases/:id/involvement', ['officer']],
  ['POST /cases/:id/referrals', ['officer']],
  ['POST /cases/:id/check-in', ['officer']],
  ['POST /cases/:id/feedback', ['officer']],
  ['POST /cases/:id/notification-release', ['supervisor']],
  ['POST /cases/:id/resume', ['supervisor', 'admin']],
  ['GET /outbox', ['officer', 'supervisor']],
  ['POST /policy/evaluate', READERS],
  ['GET /me/sharing-history', ['subject']],
  ['POST /subject-tokens', ['platform']],
  ['GET /staff', ['admin']],
  ['POST /staff', ['admin']],
  ['PATCH /staff/:username', ['admin']],
  ['PUT /staff/:username/roles', ['admin']],
  ['POST /staff/:username/mfa/reset', ['admin']],
  ['GET /staff/audit', ['auditor']],
  ['GET /staff/audit/verify', ['auditor']],
  ['POST /auth/password', [...READERS, 'admin']],
  ['POST /audit/checkpoints', ['auditor']],
  ['GET /audit/export', ['auditor']],
  ['GET /audit/public-key', ANYONE],
  ['GET /audit/tree-heads', ['auditor']],
  ['GET /audit/tree-heads/consistency', ['auditor']],
  ['GET /health', ANYONE],
  ['POST /rota/shifts', ['admin', 'supervisor']],
  ['GET /rota/shifts', ['admin', 'supervisor', 'on_call', 'officer']],
  ['DELETE /rota/shifts/:id', ['admin', 'supervisor']],
  // Also the person themselves (test/rota-and-contacts.e2e-spec.ts); :username here is someone else.
  ['PUT /staff/:username/contacts', ['admin']],
  ['GET /staff/:username/contacts', ['admin']],
  ['POST /cases/:id/acknowledge', ['on_call', 'supervisor']],
  ['POST /auth/login', ANYONE],
  ['POST /auth/mfa', ANYONE],
  ['POST /auth/mfa/enrol', ANYONE],
  ['POST /auth/mfa/enrol/confirm', ANYONE],
  ['GET /reports/summary', ['supervisor', 'auditor']],
  ['GET /health/live', ANYONE],
  ['GET /health/ready', ANYONE],
  ['GET /metrics', ANYONE], // without METRICS_TOKEN (development, tests); production needs the token
  // the staff console (issue 12); its session endpoints read the cookie themselves: test/console-server
  ['GET /tasks', CASEWORK],
  ['GET /events', CASEWORK],
  ['POST /auth/session', ANYONE],
];

/** What the tests set up: the case used as :id, the account used as :username, the export range. */
interface Fixture {
  caseId: string;
  caseMarker: string;
  victim: string;
  exportQuery: string;
  /** a future shift on the rota, which DELETE /rota/shifts/:id would cancel */
  shiftId: string;
}
type Sent = { path?: string; body?: unknown };

/**
 * What each endpoint is sent. `attempt` (refused callers) would change something if it got through;
 * `probe` (allowed callers) is harmless. Without a probe, allowed callers send the attempt (reads only).
 */
const REQUESTS: Record<string, { attempt?: (f: Fixture) => Sent; probe?: (f: Fixture) => Sent }> = {
  'POST /disclosures': {
    attempt: () => ({ body: disclosure(randomUUID(), { occurredAt: OCCURRED_AT }) }),
    probe: () => ({ body: {} }),
  },
  'POST /cases/:id/assessment': {
    attempt: () => ({
      body: {
        age: 15,
        adultAtRisk: false,
        indicators: ['SUICIDE_PLAN_IMMEDIATE'],
        declaredSafe: false,
        informationComplete: true,
        hasSocialWorker: false,
        notes: 'x',
      },
    }),
    probe: () => ({ body: {} }),
  },
  'POST /cases/:id/review': {
    attempt: () => ({ body: { decision: 'APPROVE', reason: 'x' } }),
    probe: () => ({ body: {} }),
  },
  'POST /cases/:id/involvement': {
    attempt: () => ({ body: { outcome: 'NOT_POSSIBLE', note: 'No contact.' } }),
    probe: () => ({ body: {} }),
  },
  'POST /cases/:id/referrals': {
    attempt: () => ({ body: { agency: 'EMERGENCY_SERVICES', method: 'PHONE', sharedData: { name: 'Pat Example' } } }),
    probe: () => ({ body: {} }),
  },
  'POST /cases/:id/check-in': { attempt: () => ({ body: { note: 'Checked in.' } }), probe: () => ({ body: {} }) },
  'POST /cases/:id/feedback': {
    attempt: () => ({ body: { agency: 'EMERGENCY_SERVICES', feedback: 'Visited.' } }),
    probe: () => ({ body: {} }),
  },
  'POST /cases/:id/notification-release': {
    attempt: () => ({ body: { decision: 'RELEASE', reason: 'x' } }),
    probe: () => ({ body: {} }),
  },
  // The case's workflow runs, so a resume let through is refused by the endpoint (409) and writes nothing either.
  'POST /cases/:id/resume': { attempt: () => ({}) },
  'POST /policy/evaluate': {
    attempt: () => ({
      body: {
        occurredAt: OCCURRED_AT,
        channel: 'boards',
        age: 15,
        adultAtRisk: false,
        indicators: ['ONGOING_ABUSE'],
        declaredSafe: false,
        informationComplete: true,
        hasSocialWorker: false,
      },
    }),
  },
  'POST /subject-tokens': {
    attempt: () => ({ body: { externalUserId: `user-${randomUUID()}` } }),
    probe: () => ({ body: {} }),
  },
  'POST /staff': {
    attempt: () => ({
      body: {
        username: `matrix.new-${randomUUID().slice(0, 8)}`,
        roles: ['admin'],
        password: 'a-long-test-password-1',
      },
    }),
    probe: () => ({ body: {} }),
  },
  'PATCH /staff/:username': { attempt: () => ({ body: { disabled: true } }), probe: () => ({ body: {} }) },
  'PUT /staff/:username/roles': { attempt: () => ({ body: { roles: ['supervisor'] } }), probe: () => ({ body: {} }) },
  'POST /auth/password': {
    attempt: () => ({ body: { currentPassword: 'a-long-test-password-1', newPassword: 'another-long-password-2' } }),
    probe: () => ({ body: {} }),
  },
  'GET /reports/summary': {
    attempt: () => ({ path: '/reports/summary?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&interval=week' }),
  },
  'GET /audit/export': {
    attempt: (f) => ({ path: `/audit/export?${f.exportQuery}` }),
    probe: () => ({ path: '/audit/export' }),
  },
  'POST /rota/shifts': {
    attempt: () => {
      const startsAt = Date.now() + 400 * 86_400_000 + Math.floor(Math.random() * 1e9);
      const at = (ms: number) => new Date(ms).toISOString();
      return { body: { username: 'oncall.cat', level: 1, startsAt: at(startsAt), endsAt: at(startsAt + 3_600_000) } };
    },
    probe: () => ({ body: {} }),
  },
  'DELETE /rota/shifts/:id': {
    attempt: (f) => ({ path: `/rota/shifts/${f.shiftId}` }),
    probe: () => ({ path: `/rota/shifts/${randomUUID()}` }),
  },
  'PUT /staff/:username/contacts': {
    attempt: (f) => ({ body: { email: `${f.victim}@example.org` } }),
    probe: () => ({ body: { email: 'not-an-email' } }),
  },
  'POST /cases/:id/acknowledge': { attempt: () => ({ body: {} }) },
  'GET /tasks': { attempt: () => ({ path: '/tasks?status=open' }) },
  'POST /auth/session': { attempt: () => ({ body: {} }) },
  // A unique username per request, so the login throttle (per address and username) never answers 429.
  'POST /auth/login': { attempt: () => ({ body: { username: `nobody-${randomUUID()}` } }) },
};

/** Who calls: the audiences of SPEC §1, and credentials that must not work. */
interface Caller {
  name: string;
  /** the audience the credentials prove; none when they prove nothing */
  audience?: Audience;
  headers: () => Promise<Record<string, string>> | Record<string, string>;
}

/** Every role but admin, which holds no other (separation of duties). */
const ALL_CASE_ROLES = ['officer', 'on_call', 'supervisor', 'auditor'];
const suffix = randomUUID().slice(0, 8);
/**
 * An active account holding every case role: forged tokens name it, so one that got through would pass any guard but
 * an admin's (and there it would answer 403, not the 401 expected).
 */
const POWERFUL = `matrix.all-${suffix}`;
const DISABLED = `matrix.gone-${suffix}`;
const VICTIM = `matrix.victim-${suffix}`;
const tokens: Record<string, string> = {};
const cookies: Record<string, string> = {};
const consoleHeaders = (cookie: string) => ({ Cookie: cookie, ...CONSOLE_HEADER });

const CALLERS: Caller[] = [
  { name: 'no credentials', headers: () => ({}) },
  { name: 'officer', audience: 'officer', headers: () => staffHeaders('officer.amy') },
  { name: 'on_call', audience: 'on_call', headers: () => staffHeaders('oncall.cat') },
  { name: 'supervisor', audience: 'supervisor', headers: () => staffHeaders('supervisor.dan') },
  { name: 'auditor', audience: 'auditor', headers: () => staffHeaders('auditor.eve') },
  { name: 'admin', audience: 'admin', headers: () => staffHeaders('admin.fay') },
  { name: 'platform (API key)', audience: 'platform', headers: platformHeaders },
  { name: 'young person (subject token)', audience: 'subject', headers: () => bearer(tokens.subject) },
  { name: 'wrong API key', headers: () => ({ 'X-Api-Key': 'development-platform-key-but-wrong' }) },
  { name: 'expired staff token', headers: () => bearer(tokens.expired) },
  { name: 'tampered token', headers: () => bearer(tokens.tampered) },
  { name: 'token signed with another secret', headers: () => bearer(tokens.elsewhere) },
  { name: 'unsigned token (alg none)', headers: () => bearer(tokens.unsigned) },
  { name: 'token without expiry', headers: () => bearer(tokens.noExpiry) },
  { name: 'token with a list of audiences', headers: () => bearer(tokens.audienceList) },
  { name: "disabled account's token", headers: () => bearer(tokens.disabled) },
  // The console's cookie session: the same role checks as a token (with the header every console change carries).
  { name: 'officer (console session)', audience: 'officer', headers: () => consoleHeaders(cookies.officer) },
  { name: 'auditor (console session)', audience: 'auditor', headers: () => consoleHeaders(cookies.auditor) },
  { name: 'admin (console session)', audience: 'admin', headers: () => consoleHeaders(cookies.admin) },
  { name: 'signed-out console session', headers: () => consoleHeaders(cookies.signedOut) },
  {
    name: 'malformed Authorization header',
    headers: () => ({ Authorization: 'Basic b2ZmaWNlci5hbXk6ZGVtby1wYXNzd29yZA==' }),
  },
];

type Verdict = 'let through' | '401' | '403';
function verdict(who: readonly Audience[] | typeof ANYONE, caller: Caller): Verdict {
  if (who === ANYONE) return 'let through';
  if (!caller.audience) return '401';
  return who.includes(caller.audience) ? 'let through' : '403';
}

const fixture = {} as Fixture;

async function send(endpoint: string, caller: Caller, kind: 'attempt' | 'probe') {
  const [method, template] = endpoint.split(' ');
  const requests = REQUESTS[endpoint] ?? {};
  const sent = (kind === 'probe' ? (requests.probe ?? requests.attempt) : requests.attempt)?.(fixture) ?? {};
  const path = sent.path ?? template.replace(':id', fixture.caseId).replace(':username', fixture.victim);
  if (endpoint === 'GET /events') {
    // A stream that opens is closed at once: only the guard's verdict matters here.
    const stream = await openEvents(apiUrl, await caller.headers());
    stream.close();
    return { status: stream.status, body: stream.body };
  }
  return request(apiUrl, method, path, { body: sent.body, headers: await caller.headers() });
}

beforeAll(async () => {
  const admin = await staffHeaders('admin.fay');
  const before = new Date(Date.now() - 1000).toISOString();

  // The case used as :id, awaiting assessment: no timers run, so only requests could change it.
  fixture.caseMarker = randomUUID();
  const opened = await call(
    PLATFORM,
    'POST',
    '/disclosures',
    disclosure(fixture.caseMarker, { occurredAt: OCCURRED_AT }),
  );
  expectAnswer(opened, 201);
  fixture.caseId = opened.body.caseId;
  await waitForEntry(fixture.caseId, 'case.opened');
  fixture.exportQuery = `from=${before}&to=${new Date(Date.now() + 3_600_000).toISOString()}`;

  // The account PATCH /staff/:username would disable (and PUT …/roles change) if a refused caller got through.
  fixture.victim = VICTIM;
  expectAnswer(
    await request(apiUrl, 'POST', '/staff', {
      body: { username: VICTIM, roles: ['officer'], password: 'a-long-test-password-1' },
      headers: admin,
    }),
    201,
  );

  // The shift DELETE /rota/shifts/:id would cancel if a refused caller got through.
  const shift = await request(apiUrl, 'POST', '/rota/shifts', {
    body: {
      username: 'oncall.cat',
      level: 1,
      startsAt: new Date(Date.now() + 300 * 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 300 * 86_400_000 + 3_600_000).toISOString(),
    },
    headers: admin,
  });
  expectAnswer(shift, 201);
  fixture.shiftId = shift.body.id;

  const subject = await request(apiUrl, 'POST', '/subject-tokens', {
    body: { externalUserId: `user-${randomUUID()}` },
    headers: platformHeaders(),
  });
  expectAnswer(subject, 201);
  tokens.subject = subject.body.accessToken;

  // Forged tokens all name an active account with every role.
  await multiRoleStaffHeaders(POWERFUL, ALL_CASE_ROLES);
  tokens.expired = expiredStaffToken(POWERFUL, ALL_CASE_ROLES);
  tokens.elsewhere = tokenSignedElsewhere(POWERFUL, ALL_CASE_ROLES);
  tokens.unsigned = unsignedToken(POWERFUL, ALL_CASE_ROLES);
  tokens.noExpiry = tokenWithoutExpiry(POWERFUL, ALL_CASE_ROLES);
  tokens.audienceList = tokenWithAudienceList(POWERFUL, ALL_CASE_ROLES);
  // An officer's real token, its payload edited to name the powerful account, its signature left as it was.
  tokens.tampered = tamperedToken(tokenOf(await staffHeaders('officer.amy')), {
    sub: POWERFUL,
    roles: ALL_CASE_ROLES,
  });

  cookies.officer = (await consoleSession('officer.amy')).cookie;
  cookies.auditor = (await consoleSession('auditor.eve')).cookie;
  cookies.admin = (await consoleSession('admin.fay')).cookie;
  const signedOut = await consoleSession('supervisor.dan');
  expectAnswer(await withCookie(signedOut, 'DELETE', '/auth/session'), 204);
  cookies.signedOut = signedOut.cookie;

  // A token that worked until its account was disabled.
  const disabled = await multiRoleStaffHeaders(DISABLED, ALL_CASE_ROLES);
  expectAnswer(await request(apiUrl, 'GET', '/cases', { headers: disabled }), 200);
  expectAnswer(await request(apiUrl, 'PATCH', `/staff/${DISABLED}`, { body: { disabled: true }, headers: admin }), 200);
  tokens.disabled = tokenOf(disabled);
  const relogin = await request(apiUrl, 'POST', '/auth/login', {
    body: { username: DISABLED, password: 'a-long-test-password-1' },
  });
  expectAnswer(relogin, 401); // nor can it log in again
});

describe('authorization matrix: every endpoint × every caller (issue 5)', () => {
  const cases = POLICY.flatMap(([endpoint, who]) =>
    CALLERS.map((caller) => [endpoint, caller.name, verdict(who, caller), caller] as const),
  );

  it.each(cases)('%s as %s → %s', async (endpoint, _name, expected, caller) => {
    if (expected === 'let through') {
      const { status, body } = await send(endpoint, caller, 'probe');
      expect({ refusedByGuard: status === 401 || status === 403, status, body }).toMatchObject({
        refusedByGuard: false,
      });
      return;
    }
    const before = await footprint(fixture.caseId);
    const { status, body } = await send(endpoint, caller, 'attempt');
    expect({ status, statusCode: body?.statusCode }).toEqual({
      status: Number(expected),
      statusCode: Number(expected),
    });
    expect(JSON.stringify(body)).not.toContain(fixture.caseMarker); // a refusal shows nothing of the case
    expect(await footprint(fixture.caseId)).toEqual(before);
  });

  it('the forged tokens are refused for what they are: the same token, correctly signed and unexpired, is accepted', async () => {
    // So the refusals above are not an artefact of how the tests build tokens.
    const genuine = signToken(staffClaims(POWERFUL, ALL_CASE_ROLES));
    expectAnswer(await request(apiUrl, 'GET', '/cases', { headers: bearer(genuine) }), 200);
  });

  it('the case used as :id is untouched: still awaiting assessment, its log only the opening and reads', async () => {
    const entries = (await call(CAT, 'GET', `/cases/${fixture.caseId}/log`)).body.entries as { type: string }[];
    expect(entries[0].type).toBe('case.opened');
    expect(
      [...new Set(entries.slice(1).map((e) => e.type))].filter((t) => t !== 'case.viewed' && t !== 'log.exported'),
    ).toEqual([]);
    expect((await call(CAT, 'GET', `/cases/${fixture.caseId}`)).body.status).toBe('AWAITING_ASSESSMENT');
  });

  it('the shift used as :id is still on the rota, and nobody refused got a shift or contacts in', async () => {
    const rota = await call(CAT, 'GET', `/rota/shifts?from=${new Date(Date.now() + 299 * 86_400_000).toISOString()}`);
    expect(rota.body.items.map((s: { id: string }) => s.id)).toContain(fixture.shiftId);
    const contacts = await request(apiUrl, 'GET', `/staff/${fixture.victim}/contacts`, {
      headers: await staffHeaders('admin.fay'),
    });
    expect(contacts.body).toMatchObject({ email: null });
  });

  it('an admin cannot give an account the platform or young-person audience', async () => {
    const admin = await staffHeaders('admin.fay');
    const before = await footprint(fixture.caseId);
    for (const roles of [['platform'], ['subject'], ['officer', 'platform']]) {
      const created = await request(apiUrl, 'POST', '/staff', {
        body: { username: `matrix.odd-${randomUUID().slice(0, 8)}`, roles, password: 'a-long-test-password-1' },
        headers: admin,
      });
      expectAnswer(created, 400);
    }
    expect(await footprint(fixture.caseId)).toEqual(before);
  });
});

describe('a young person sees only their own sharing history', () => {
  it('after a referral for A, A sees it; B sees nothing, however B asks', async () => {
    const a = await openCase({ age: 15 });
    expectAnswer(await assess(a.caseId, { age: 15, indicators: ['SUICIDE_PLAN_IMMEDIATE'] }), 200);
    expectAnswer(await review(a.caseId, CAT, { decision: 'APPROVE' }), 200);
    const sharedData = { name: `A ${randomUUID()}`, location: 'Bus station, Leeds' };
    expectAnswer(await refer(a.caseId, { agency: 'EMERGENCY_SERVICES', method: 'PHONE', sharedData }), 201);
    await waitForEntry(a.caseId, 'referral.recorded');

    const tokenFor = async (externalUserId: string) => {
      const issued = await request(apiUrl, 'POST', '/subject-tokens', {
        body: { externalUserId },
        headers: platformHeaders(),
      });
      expectAnswer(issued, 201);
      return bearer(issued.body.accessToken);
    };
    const asA = await tokenFor(a.externalUserId);
    const bUser = `user-${randomUUID()}`;
    const asB = await tokenFor(bUser);

    const ownHistory = await request(apiUrl, 'GET', '/me/sharing-history', { headers: asA });
    expectAnswer(ownHistory, 200);
    expect(ownHistory.body.items).toEqual([
      expect.objectContaining({ caseId: a.caseId, agency: 'EMERGENCY_SERVICES', sharedData }),
    ]);

    // Whose history it is comes from the token alone: nothing in the request can name someone else.
    const attempts = [
      '/me/sharing-history',
      `/me/sharing-history?externalUserId=${encodeURIComponent(a.externalUserId)}`,
      `/me/sharing-history?sub=${encodeURIComponent(a.externalUserId)}&caseId=${a.caseId}`,
    ];
    for (const path of attempts) {
      const seen = await request(apiUrl, 'GET', path, { headers: { ...asB, 'X-External-User-Id': a.externalUserId } });
      expect({ path, status: seen.status }).toEqual({ path, status: 200 });
      expect({ path, items: seen.body.items }).toEqual({ path, items: [] });
      expect(JSON.stringify(seen.body)).not.toContain(sharedData.name);
    }
    // And a young person's token reads nothing of the case itself.
    for (const path of [`/cases/${a.caseId}`, `/cases/${a.caseId}/log`])
      expectAnswer(await request(apiUrl, 'GET', path, { headers: asA }), 403);
  });
});
