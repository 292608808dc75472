import { randomUUID } from 'node:crypto';
import { signToken, staffClaims } from './support/access-tokens';
import { withDb } from './support/db';
import { e2eEnv } from './support/env';
import { request } from './support/http';
import { expectAnswer } from './support/lifecycle-api';
import { staffHeaders } from './support/staff';
import { staffAuditRows } from './support/staff-audit';
import { base32Decode, secretOf, timeStep, totpCode } from './support/totp';

/**
 * Issue 10 item 4: two-factor sign-in (TOTP, RFC 6238) for on_call, supervisor, auditor and admin, with single-use
 * recovery codes. The flow (docs/accounts.md): POST /auth/login → {accessToken} | {mfaRequired, mfaToken} |
 * {mfaEnrolmentRequired, enrolmentToken}; POST /auth/mfa {mfaToken, code}; POST /auth/mfa/enrol {enrolmentToken}
 * → {secret, otpauthUri}; POST /auth/mfa/enrol/confirm {enrolmentToken, code} → {accessToken, recoveryCodes}.
 */
const { apiUrl, databaseUrl } = e2eEnv();
const PASSWORD = 'a-long-test-password-1';
const post = (path: string, body: unknown, headers?: Record<string, string>) =>
  request(apiUrl, 'POST', path, { body, headers });
const login = (username: string) => post('/auth/login', { username, password: PASSWORD });
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function createAccount(roles: string[]): Promise<string> {
  const username = `mfa-${roles.join('-')}-${randomUUID().slice(0, 8)}`;
  const created = await post('/staff', { username, roles, password: PASSWORD }, await staffHeaders('admin.fay'));
  expectAnswer(created, 201);
  return username;
}

/** Enrols the account; its secret, recovery codes, the step of the code used, and the access token. */
async function enrol(username: string) {
  const started = await login(username);
  expect(started.body).toEqual({ mfaEnrolmentRequired: true, enrolmentToken: expect.any(String), expiresIn: 600 });
  const { enrolmentToken } = started.body;
  const details = await post('/auth/mfa/enrol', { enrolmentToken });
  expectAnswer(details, 200);
  expect(secretOf(details.body.otpauthUri)).toBe(details.body.secret);
  const step = timeStep();
  const done = await post('/auth/mfa/enrol/confirm', { enrolmentToken, code: totpCode(details.body.secret, step) });
  expectAnswer(done, 200);
  return {
    secret: details.body.secret as string,
    recoveryCodes: done.body.recoveryCodes as string[],
    step,
    done,
    enrolmentToken,
  };
}

describe('two-factor sign-in (TOTP)', () => {
  it('on_call, supervisor, auditor and admin must set it up before anything else; an officer needs a password only', async () => {
    for (const role of ['on_call', 'supervisor', 'auditor', 'admin']) {
      const answer = await login(await createAccount([role]));
      expect({ role, keys: Object.keys(answer.body).sort() }).toEqual({
        role,
        keys: ['enrolmentToken', 'expiresIn', 'mfaEnrolmentRequired'],
      });
    }
    const officer = await login(await createAccount(['officer']));
    expect(Object.keys(officer.body).sort()).toEqual(['accessToken', 'expiresIn', 'tokenType']);
  });

  it('the enrolment token is good for enrolling only', async () => {
    const { enrolmentToken } = (await login(await createAccount(['on_call']))).body;
    expectAnswer(
      await request(apiUrl, 'GET', '/cases', { headers: bearer(enrolmentToken) }),
      401,
      'AUTH.INVALID_TOKEN',
    );
    expectAnswer(await post('/auth/mfa', { mfaToken: enrolmentToken, code: '123456' }), 401, 'AUTH.INVALID_TOKEN');
  });

  it('enrolment: a wrong code is refused; the right one signs in and shows ten recovery codes once; the secret never again', async () => {
    const username = await createAccount(['supervisor']);
    const { enrolmentToken } = (await login(username)).body;
    const { secret } = (await post('/auth/mfa/enrol', { enrolmentToken })).body;
    const wrong = String((Number(totpCode(secret)) + 1) % 1_000_000).padStart(6, '0');
    expectAnswer(await post('/auth/mfa/enrol/confirm', { enrolmentToken, code: wrong }), 401, 'AUTH.INVALID_CODE');

    const done = await post('/auth/mfa/enrol/confirm', { enrolmentToken, code: totpCode(secret) });
    expectAnswer(done, 200);
    expect(done.body.recoveryCodes).toHaveLength(10);
    expect(new Set(done.body.recoveryCodes).size).toBe(10);
    expectAnswer(await request(apiUrl, 'GET', '/cases', { headers: bearer(done.body.accessToken) }), 200);

    expectAnswer(await post('/auth/mfa/enrol', { enrolmentToken }), 409, 'AUTH.MFA_ALREADY_ENROLLED');
    const listed = await request(apiUrl, 'GET', '/staff', { headers: await staffHeaders('admin.fay') });
    expect(listed.body.items.find((a: { username: string }) => a.username === username)).toEqual(
      expect.objectContaining({ mfaEnrolled: true }),
    );
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    // At rest the secret is sealed: neither its base32 nor its bytes are in the row.
    const stored = await withDb(databaseUrl, (db) =>
      db.query('SELECT * FROM staff_accounts WHERE username = $1', [username]).then((r) => JSON.stringify(r.rows[0])),
    );
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(base32Decode(secret).toString('hex'));
    expect(stored).not.toContain(base32Decode(secret).toString('base64'));
    for (const code of done.body.recoveryCodes) expect(stored).not.toContain(code);
  });

  it('sign-in asks for a code; a wrong code is refused, and a code works only once', async () => {
    const username = await createAccount(['auditor']);
    const { secret, step } = await enrol(username);

    const first = await login(username);
    expect(first.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String), expiresIn: 300 });
    expectAnswer(
      await request(apiUrl, 'GET', '/cases', { headers: bearer(first.body.mfaToken) }),
      401,
      'AUTH.INVALID_TOKEN',
    );
    const wrong = String((Number(totpCode(secret, step + 1)) + 1) % 1_000_000).padStart(6, '0');
    expectAnswer(await post('/auth/mfa', { mfaToken: first.body.mfaToken, code: wrong }), 401, 'AUTH.INVALID_CODE');

    // The enrolment used this step's code: it does not work again, nor does any earlier one.
    expectAnswer(
      await post('/auth/mfa', { mfaToken: first.body.mfaToken, code: totpCode(secret, step) }),
      401,
      'AUTH.CODE_REUSED',
    );
    const next = await post('/auth/mfa', { mfaToken: first.body.mfaToken, code: totpCode(secret, step + 1) });
    expectAnswer(next, 200);
    expectAnswer(await request(apiUrl, 'GET', '/staff/audit/verify', { headers: bearer(next.body.accessToken) }), 200);

    const again = await login(username);
    expectAnswer(
      await post('/auth/mfa', { mfaToken: again.body.mfaToken, code: totpCode(secret, step + 1) }),
      401,
      'AUTH.CODE_REUSED',
    );
  });

  it('a recovery code works once, and its use is recorded', async () => {
    const username = await createAccount(['on_call']);
    const { recoveryCodes } = await enrol(username);
    const { mfaToken } = (await login(username)).body;
    const used = await post('/auth/mfa', { mfaToken, code: recoveryCodes[3].toLowerCase() });
    expectAnswer(used, 200);
    expectAnswer(await post('/auth/mfa', { mfaToken, code: recoveryCodes[3] }), 401, 'AUTH.INVALID_CODE');
    expectAnswer(await post('/auth/mfa', { mfaToken, code: recoveryCodes[4] }), 200);
    const types = (await staffAuditRows(username)).map((r) => [r.type, r.data.remaining]);
    expect(types.slice(-2)).toEqual([
      ['staff.recovery_code_used', 9],
      ['staff.recovery_code_used', 8],
    ]);
  });

  it('an admin resets a lost second factor: recorded, older tokens end, the next sign-in enrols again', async () => {
    const username = await createAccount(['supervisor']);
    const { done } = await enrol(username);
    const reset = await post(`/staff/${username}/mfa/reset`, undefined, await staffHeaders('admin.fay'));
    expectAnswer(reset, 200);
    expect(reset.body).toEqual({ username, mfaEnrolled: false });
    expectAnswer(
      await request(apiUrl, 'GET', '/cases', { headers: bearer(done.body.accessToken) }),
      401,
      'AUTH.TOKEN_REVOKED',
    );
    expect((await login(username)).body).toMatchObject({ mfaEnrolmentRequired: true });
    expect((await staffAuditRows(username)).map((r) => [r.actor, r.type])).toEqual([
      ['admin.fay', 'staff.created'],
      [username, 'staff.mfa_enrolled'],
      ['admin.fay', 'staff.mfa_reset'],
    ]);
  });

  it('a genuine token of an account whose roles need a second factor it does not have is refused', async () => {
    // As a token issued before two-factor sign-in existed would be: correctly signed, unexpired, no second factor.
    const username = await createAccount(['admin']);
    const token = signToken(staffClaims(username, ['admin']));
    expectAnswer(await request(apiUrl, 'GET', '/staff', { headers: bearer(token) }), 401, 'AUTH.MFA_REQUIRED');
  });

  it('the demo accounts stay single-factor in development (the README try-it)', async () => {
    for (const username of ['oncall.cat', 'supervisor.dan', 'auditor.eve', 'admin.fay']) {
      const answer = await post('/auth/login', { username, password: 'demo-password' });
      expect({ username, accessToken: typeof answer.body.accessToken }).toEqual({ username, accessToken: 'string' });
    }
  });
});
