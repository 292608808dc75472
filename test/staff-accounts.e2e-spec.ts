import { randomUUID } from 'node:crypto';
import { withDb } from './support/db';
import { e2eEnv } from './support/env';
import { request } from './support/http';
import { firstBrokenSeq } from './support/independent-jcs';
import { expectAnswer } from './support/lifecycle-api';
import { signIn, staffHeaders } from './support/staff';
import { staffAuditLength, staffAuditRows } from './support/staff-audit';

/**
 * Issue 10 item 4: separation of duties, tokens that end when the account changes, and every change in the staff
 * audit chain. (Its verification and tampering: test/staff-audit.e2e-spec.ts; two-factor: test/two-factor.e2e-spec.ts.)
 */
const { apiUrl, databaseUrl } = e2eEnv();
const PASSWORD = 'a-long-test-password-1';
const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const asAdmin = async (method: string, path: string, body?: unknown) =>
  request(apiUrl, method, path, { body, headers: await staffHeaders('admin.fay') });

async function createAccount(roles: string[], username = unique('staff')): Promise<string> {
  expectAnswer(await asAdmin('POST', '/staff', { username, roles, password: PASSWORD }), 201);
  return username;
}

async function accountState(username: string) {
  return withDb(databaseUrl, async (db) => {
    const { rows } = await db.query(
      'SELECT roles, disabled_at IS NOT NULL AS disabled, password_hash FROM staff_accounts WHERE username = $1',
      [username],
    );
    return rows[0] as { roles: string[]; disabled: boolean; password_hash: string } | undefined;
  });
}

describe('separation of duties: an admin holds no case role and never grants roles to themselves', () => {
  it('an account that would be admin and a case role is refused, when created or when its roles change', async () => {
    const before = await staffAuditLength();
    for (const caseRole of ['officer', 'on_call', 'supervisor', 'auditor']) {
      const username = unique('both');
      const created = await asAdmin('POST', '/staff', { username, roles: ['admin', caseRole], password: PASSWORD });
      expectAnswer(created, 400, 'STAFF.ROLES_CONFLICT');
      expect(await accountState(username)).toBeUndefined();
    }
    const officer = await createAccount(['officer']);
    const afterCreate = await staffAuditLength();
    expectAnswer(
      await asAdmin('PUT', `/staff/${officer}/roles`, { roles: ['officer', 'admin'] }),
      400,
      'STAFF.ROLES_CONFLICT',
    );
    expect((await accountState(officer))!.roles).toEqual(['officer']);
    expect(await staffAuditLength()).toBe(afterCreate); // only the creation was recorded
    expect(afterCreate).toBe(before + 1);
  });

  it('an admin cannot grant roles to their own account, nor disable it or reset its second factor: 403, nothing written', async () => {
    const other = await createAccount(['admin']);
    const asOther = bearer(await signIn(other, PASSWORD)); // a second admin (two-factor set up on the way)
    const before = { state: await accountState(other), chain: await staffAuditLength() };

    const attempts: [string, string, unknown][] = [
      ['PUT', `/staff/${other}/roles`, { roles: ['admin', 'supervisor'] }],
      ['PUT', `/staff/${other}/roles`, { roles: ['supervisor'] }],
      ['PATCH', `/staff/${other}`, { disabled: true }],
      ['POST', `/staff/${other}/mfa/reset`, undefined],
    ];
    for (const [method, path, body] of attempts) {
      const refused = await request(apiUrl, method, path, { body, headers: asOther });
      expect({ path, status: refused.status, code: refused.body.code }).toEqual({
        path,
        status: 403,
        code: 'STAFF.SELF_CHANGE',
      });
    }
    expect({ state: await accountState(other), chain: await staffAuditLength() }).toEqual(before);

    // Another admin may: the rule is about one's own account, not about admins.
    expectAnswer(await asAdmin('PATCH', `/staff/${other}`, { disabled: true }), 200);
    expect((await accountState(other))!.disabled).toBe(true);
  });
});

describe('tokens issued before an account change end with it', () => {
  it('re-enabling an account does not revive its tokens from before it was disabled', async () => {
    const officer = await createAccount(['officer']);
    const old = bearer(await signIn(officer, PASSWORD));
    expectAnswer(await request(apiUrl, 'GET', '/cases', { headers: old }), 200);
    expectAnswer(await asAdmin('PATCH', `/staff/${officer}`, { disabled: true }), 200);
    expectAnswer(await request(apiUrl, 'GET', '/cases', { headers: old }), 401, 'AUTH.ACCOUNT_DISABLED');
    expectAnswer(await asAdmin('PATCH', `/staff/${officer}`, { disabled: false }), 200);

    expectAnswer(await request(apiUrl, 'GET', '/cases', { headers: old }), 401, 'AUTH.TOKEN_REVOKED');
    const fresh = bearer(await signIn(officer, PASSWORD));
    expectAnswer(await request(apiUrl, 'GET', '/cases', { headers: fresh }), 200);
  });

  it('a role change ends older tokens; the next sign-in acts under the new roles', async () => {
    const officer = await createAccount(['officer']);
    const old = bearer(await signIn(officer, PASSWORD));
    expectAnswer(await asAdmin('PUT', `/staff/${officer}/roles`, { roles: ['officer', 'supervisor'] }), 200);
    expectAnswer(await request(apiUrl, 'GET', '/cases', { headers: old }), 401, 'AUTH.TOKEN_REVOKED');
    const fresh = bearer(await signIn(officer, PASSWORD)); // supervisor now: two-factor set up on the way
    expectAnswer(await request(apiUrl, 'GET', '/cases', { headers: fresh }), 200);
    expectAnswer(
      await request(apiUrl, 'POST', '/cases/00000000-0000-4000-8000-000000000000/notification-release', {
        body: {},
        headers: fresh,
      }),
      400,
    ); // a supervisor's endpoint: let through to validation
  });

  it('a staff member changes their own password with the current one; older tokens end', async () => {
    const officer = await createAccount(['officer']);
    const old = bearer(await signIn(officer, PASSWORD));
    const hashBefore = (await accountState(officer))!.password_hash;
    const chainBefore = await staffAuditLength();

    const wrong = await request(apiUrl, 'POST', '/auth/password', {
      body: { currentPassword: 'not-the-password', newPassword: 'a-new-long-password-2' },
      headers: old,
    });
    expectAnswer(wrong, 403, 'AUTH.WRONG_PASSWORD');
    expect((await accountState(officer))!.password_hash).toBe(hashBefore);
    expect(await staffAuditLength()).toBe(chainBefore);

    const changed = await request(apiUrl, 'POST', '/auth/password', {
      body: { currentPassword: PASSWORD, newPassword: 'a-new-long-password-2' },
      headers: old,
    });
    expectAnswer(changed, 200);
    expectAnswer(await request(apiUrl, 'GET', '/cases', { headers: old }), 401, 'AUTH.TOKEN_REVOKED');
    expectAnswer(await request(apiUrl, 'GET', '/cases', { headers: bearer(changed.body.accessToken) }), 200);
    const login = (password: string) =>
      request(apiUrl, 'POST', '/auth/login', { body: { username: officer, password } });
    expectAnswer(await login(PASSWORD), 401, 'AUTH.INVALID_CREDENTIALS');
    expectAnswer(await login('a-new-long-password-2'), 200);
  });
});

describe('every account change is in the staff audit chain', () => {
  it('created, roles changed, disabled, re-enabled, password changed: in order, naming who, with no secret', async () => {
    const username = await createAccount(['officer']);
    expectAnswer(await asAdmin('PUT', `/staff/${username}/roles`, { roles: ['officer', 'on_call'] }), 200);
    expectAnswer(await asAdmin('PUT', `/staff/${username}/roles`, { roles: ['on_call', 'officer'] }), 200); // no change
    expectAnswer(await asAdmin('PATCH', `/staff/${username}`, { disabled: true }), 200);
    expectAnswer(await asAdmin('PATCH', `/staff/${username}`, { disabled: true }), 200); // no change
    expectAnswer(await asAdmin('PATCH', `/staff/${username}`, { disabled: false }), 200);
    const token = await signIn(username, PASSWORD);
    const changed = await request(apiUrl, 'POST', '/auth/password', {
      body: { currentPassword: PASSWORD, newPassword: 'a-new-long-password-3' },
      headers: bearer(token),
    });
    expectAnswer(changed, 200);

    const rows = await staffAuditRows(username);
    expect(rows.map((r) => [r.actor, r.type, r.data])).toEqual([
      ['admin.fay', 'staff.created', { username, roles: ['officer'] }],
      ['admin.fay', 'staff.roles_changed', { username, from: ['officer'], to: ['officer', 'on_call'] }],
      ['admin.fay', 'staff.disabled', { username }],
      ['admin.fay', 'staff.enabled', { username }],
      [username, 'staff.mfa_enrolled', { username }],
      [username, 'staff.password_changed', { username }],
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/a-long-test-password|a-new-long-password|\$argon2/);
  });

  it('auditors read the chain page by page, and anyone holding it can check it with the case log rule alone', async () => {
    const eve = await staffHeaders('auditor.eve');
    const entries: any[] = [];
    for (let afterSeq = 0; ;) {
      const page = await request(apiUrl, 'GET', `/staff/audit?afterSeq=${afterSeq}&limit=3`, { headers: eve });
      expectAnswer(page, 200);
      expect(page.body.chainId).toBe('staff-accounts');
      entries.push(...page.body.entries);
      if (page.body.nextAfterSeq === undefined) break;
      afterSeq = page.body.nextAfterSeq;
    }
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(firstBrokenSeq(entries.map((e) => ({ ...e, caseId: 'staff-accounts' })))).toBeUndefined();
    expectAnswer(await request(apiUrl, 'GET', '/staff/audit?limit=1001', { headers: eve }), 400);
  });
});
