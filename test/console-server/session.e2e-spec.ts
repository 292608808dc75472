import { createHash, randomUUID } from 'node:crypto';
import { withDb } from '../support/db';
import { disclosure } from '../support/disclosures';
import { e2eEnv } from '../support/env';
import { request } from '../support/http';
import { expectAnswer, OCCURRED_AT } from '../support/lifecycle-api';
import { tokenOf } from '../support/access-tokens';
import { platformHeaders, staffHeaders } from '../support/staff';
import { consoleSession, withCookie } from './session-client';

/** Issue 12: the console's cookie session beside Bearer tokens (docs/console.md). */
const { apiUrl, databaseUrl } = e2eEnv();
const PASSWORD = 'a-long-test-password-1';

async function casesWithMarker(marker: string): Promise<number> {
  return withDb(databaseUrl, async (db) => {
    const rows = await db.query(`SELECT count(*)::int AS n FROM cases WHERE summary LIKE $1`, [`%${marker}%`]);
    return rows.rows[0].n as number;
  });
}

async function sessionCount(): Promise<number> {
  return withDb(databaseUrl, (db) =>
    db.query(`SELECT count(*)::int AS n FROM staff_sessions`).then((r) => r.rows[0].n as number),
  );
}

async function newOfficer(): Promise<string> {
  const username = `console.${randomUUID().slice(0, 8)}`;
  const created = await request(apiUrl, 'POST', '/staff', {
    body: { username, roles: ['officer'], password: PASSWORD },
    headers: await staffHeaders('admin.fay'),
  });
  expectAnswer(created, 201);
  return username;
}

describe('console session', () => {
  it('is made from a staff access token: who, roles, expiry, and an HttpOnly SameSite=Strict cookie', async () => {
    const session = await consoleSession('officer.amy');
    expect(session.body).toEqual({ username: 'officer.amy', roles: ['officer'], expiresAt: expect.any(String) });
    const expiresIn = Date.parse(session.body.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(29 * 60_000); // the idle timeout (PT30M) comes first
    expect(expiresIn).toBeLessThanOrEqual(30 * 60_000);
    // Development over plain http: no Secure attribute (a browser would not send it back to http://localhost).
    expect(session.setCookie).toMatch(
      /^sg_session=[A-Za-z0-9_-]{43}; Max-Age=28800; HttpOnly; SameSite=Strict; Path=\/$/,
    );
  });

  it('is Secure whenever the request came over https (here: through a trusted proxy)', async () => {
    const response = await fetch(`${apiUrl}/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Forwarded-Proto': 'https' },
      body: JSON.stringify({ accessToken: tokenOf(await staffHeaders('officer.amy')) }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/; HttpOnly; SameSite=Strict; Path=\/; Secure$/);
  });

  it('is stored only as a hash of its id', async () => {
    const session = await consoleSession('officer.amy');
    const id = session.cookie.split('=')[1];
    const rows = await withDb(databaseUrl, (db) =>
      db.query(`SELECT * FROM staff_sessions WHERE username = 'officer.amy'`).then((r) => r.rows),
    );
    expect(JSON.stringify(rows)).not.toContain(id);
    expect(rows.map((r) => r.id_hash)).toContain(createHash('sha256').update(id).digest('hex'));
  });

  it('reads back with GET /auth/session; without a cookie, or with an unknown one, 401', async () => {
    const session = await consoleSession('supervisor.dan');
    const read = await withCookie(session, 'GET', '/auth/session');
    expectAnswer(read, 200);
    expect(read.body).toEqual({ username: 'supervisor.dan', roles: ['supervisor'], expiresAt: expect.any(String) });
    expect((await request(apiUrl, 'GET', '/auth/session')).status).toBe(401);
    const unknown = await withCookie({ ...session, cookie: 'sg_session=not-a-session' }, 'GET', '/auth/session');
    expect([unknown.status, unknown.body.code]).toEqual([401, 'AUTH.SESSION_ENDED']);
  });

  it('authenticates a GET, and a POST that carries X-Console-Request: 1, with the same role checks as a token', async () => {
    const officer = await consoleSession('officer.amy');
    expectAnswer(await withCookie(officer, 'GET', '/cases', { consoleHeader: false }), 200);
    const marker = randomUUID();
    const created = await withCookie(officer, 'POST', '/disclosures', {
      body: disclosure(marker, { occurredAt: OCCURRED_AT }),
    });
    expectAnswer(created, 201);
    expect(await casesWithMarker(marker)).toBe(1);
    const auditor = await consoleSession('auditor.eve');
    const refused = await withCookie(auditor, 'GET', '/cases');
    expect([refused.status, refused.body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
  });

  it('refuses a change made with the cookie but without X-Console-Request (CSRF), and writes nothing', async () => {
    const officer = await consoleSession('officer.amy');
    const marker = randomUUID();
    for (const headerValue of [undefined, '0']) {
      const response = await fetch(`${apiUrl}/disclosures`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          Cookie: officer.cookie,
          ...(headerValue === undefined ? {} : { 'X-Console-Request': headerValue }),
        },
        body: JSON.stringify(disclosure(marker, { occurredAt: OCCURRED_AT })),
      });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { code: string }).code).toBe('CSRF');
    }
    expect(await casesWithMarker(marker)).toBe(0);
    // A Bearer token needs no such header.
    const bearer = await request(apiUrl, 'POST', '/disclosures', {
      body: disclosure(marker, { occurredAt: OCCURRED_AT }),
      headers: await staffHeaders('officer.amy'),
    });
    expectAnswer(bearer, 201);
  });

  it('signs out with DELETE /auth/session: cookie cleared, session revoked server-side', async () => {
    const session = await consoleSession('officer.ben');
    const withoutHeader = await withCookie(session, 'DELETE', '/auth/session', { consoleHeader: false });
    expect([withoutHeader.status, withoutHeader.body.code]).toEqual([403, 'CSRF']);
    expectAnswer(await withCookie(session, 'GET', '/cases'), 200);

    const response = await fetch(`${apiUrl}/auth/session`, {
      method: 'DELETE',
      headers: { Cookie: session.cookie, 'X-Console-Request': '1' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(/^sg_session=; Max-Age=0; HttpOnly; SameSite=Strict; Path=\/$/);
    // The browser drops the cookie; one copied before sign-out no longer works either.
    expect((await withCookie(session, 'GET', '/auth/session')).status).toBe(401);
    const after = await withCookie(session, 'GET', '/cases');
    expect([after.status, after.body.code]).toEqual([401, 'AUTH.SESSION_ENDED']);
  });

  it("dies with its account: a disabled account's session is refused at the next request", async () => {
    const username = await newOfficer();
    const session = await consoleSession(username, apiUrl, PASSWORD);
    expectAnswer(await withCookie(session, 'GET', '/cases'), 200);
    const disabled = await request(apiUrl, 'PATCH', `/staff/${username}`, {
      body: { disabled: true },
      headers: await staffHeaders('admin.fay'),
    });
    expectAnswer(disabled, 200);
    const refused = await withCookie(session, 'GET', '/cases');
    expect([refused.status, refused.body.code]).toEqual([401, 'AUTH.ACCOUNT_DISABLED']);
    expect((await withCookie(session, 'GET', '/auth/session')).status).toBe(401);
  });

  it('reads roles fresh, and a role change (token cut-off) after the session began ends it', async () => {
    const username = await newOfficer();
    const session = await consoleSession(username, apiUrl, PASSWORD);
    expectAnswer(await withCookie(session, 'GET', '/cases'), 200);
    const changed = await request(apiUrl, 'PUT', `/staff/${username}/roles`, {
      body: { roles: ['supervisor'] },
      headers: await staffHeaders('admin.fay'),
    });
    expectAnswer(changed, 200);
    const refused = await withCookie(session, 'GET', '/cases');
    expect([refused.status, refused.body.code]).toEqual([401, 'AUTH.TOKEN_REVOKED']);
  });

  it("refuses a young person's token, the platform key, and anything but a staff access token, writing nothing", async () => {
    const sessionsBefore = await sessionCount();
    const subject = await request(apiUrl, 'POST', '/subject-tokens', {
      body: { externalUserId: `user-${randomUUID()}` },
      headers: platformHeaders(),
    });
    expectAnswer(subject, 201);
    const asSubject = await request(apiUrl, 'POST', '/auth/session', {
      body: { accessToken: subject.body.accessToken },
    });
    expect([asSubject.status, asSubject.body.code]).toEqual([403, 'AUTH.STAFF_ONLY']);
    // The platform key beside a genuine staff token: the platform never gets a console session.
    const asPlatform = await request(apiUrl, 'POST', '/auth/session', {
      body: { accessToken: tokenOf(await staffHeaders('officer.amy')) },
      headers: platformHeaders(),
    });
    expect([asPlatform.status, asPlatform.body.code]).toEqual([403, 'AUTH.STAFF_ONLY']);
    const forged = await request(apiUrl, 'POST', '/auth/session', { body: { accessToken: 'not.a.token' } });
    expect([forged.status, forged.body.code]).toEqual([401, 'AUTH.INVALID_TOKEN']);
    expect((await request(apiUrl, 'POST', '/auth/session', { body: {} })).status).toBe(400);
    expect(await sessionCount()).toBe(sessionsBefore);
  });
});
