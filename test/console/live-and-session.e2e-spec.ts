import type { Browser } from 'playwright-core';
import { withDb } from '../support/db';
import { e2eEnv } from '../support/env';
import { request } from '../support/http';
import { assess, openCase } from '../support/lifecycle-api';
import { platformHeaders } from '../support/staff';
import { launchBrowser, signedIn } from './browser';

/**
 * Issue 12: the queue updates by itself; signing out and an ended session both lead back to sign-in; and the
 * routes the console uses refuse a young person's token and the platform key.
 */
const { apiUrl, databaseUrl } = e2eEnv();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the console, live and signed in', () => {
  it("shows a case escalated by its deadline, marked, in another supervisor's queue without a reload", async () => {
    const dan = await signedIn(browser, 'supervisor.dan');
    await dan.page.getByRole('heading', { name: 'Cases' }).waitFor();
    await dan.page.evaluate(() => Object.assign(globalThis, { __notReloaded: true }));

    const { caseId } = await openCase({ age: 15 });
    await assess(caseId, { age: 15, indicators: ['HOMELESS_OR_AT_RISK'] }); // NON_EMERGENCY: review due in 4 s
    const row = dan.page.locator(`tr[data-case-id="${caseId}"]`);
    await row.getByText('Escalated').waitFor({ timeout: 15_000 });
    expect(await dan.page.evaluate(() => (globalThis as any).__notReloaded)).toBe(true);
    await dan.context.close();
  });

  it('signing out leads back to sign-in, and the session is gone', async () => {
    const amy = await signedIn(browser, 'officer.amy');
    await amy.page.getByRole('button', { name: 'Sign out' }).click();
    await amy.page.getByRole('button', { name: 'Sign in' }).waitFor();
    await amy.page.reload();
    await amy.page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await amy.page.getByText('Signed in as').count()).toBe(0);
    await amy.context.close();
  });

  it('an ended session leads back to sign-in, saying so', async () => {
    const ben = await signedIn(browser, 'officer.ben');
    await withDb(databaseUrl, (db) =>
      db.query(
        `UPDATE staff_sessions SET created_at = now() - interval '2 days', last_seen_at = now() - interval '2 days'
         WHERE username = 'officer.ben' AND revoked_at IS NULL`,
      ),
    );
    // The next thing the page asks of the API finds the session ended: a click, or the live queue noticing first
    // (then the link is gone before the click lands, which is the same outcome).
    const ended = ben.page.getByText('Your session has ended. Sign in again.');
    await Promise.race([
      ended.waitFor(),
      ben.page
        .getByRole('link', { name: 'Your account' })
        .click({ timeout: 10_000 })
        .catch(() => undefined),
    ]);
    await ended.waitFor();
    await ben.page.getByRole('button', { name: 'Sign in' }).waitFor();
    await ben.context.close();
  });

  it("refuses a young person's token and the platform key on every route the console uses", async () => {
    const { caseId } = await openCase();
    const minted = await request(apiUrl, 'POST', '/subject-tokens', {
      body: { externalUserId: 'user-console-check' },
      headers: platformHeaders(),
    });
    expect([200, 201]).toContain(minted.status);
    const subject = { Authorization: `Bearer ${minted.body.accessToken}` };
    const range = 'from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z';
    const routes: [string, string, unknown?][] = [
      ['GET', '/auth/session'],
      ['POST', '/auth/session', { accessToken: minted.body.accessToken }],
      ['GET', '/events'],
      ['GET', '/tasks?status=open'],
      ['GET', '/cases'],
      ['GET', `/cases/${caseId}`],
      ['GET', `/cases/${caseId}/log`],
      ['GET', `/cases/${caseId}/log/verify`],
      ['POST', `/cases/${caseId}/assessment`, {}],
      ['POST', '/policy/evaluate', {}],
      ['GET', '/staff'],
      ['GET', '/rota/shifts'],
      ['GET', `/reports/summary?${range}&interval=week`],
      ['GET', `/audit/export?${range}`],
    ];
    const letIn: string[] = [];
    for (const [who, credentials] of [
      ['subject', subject],
      ['platform', platformHeaders()],
    ] as const) {
      for (const [method, path, body] of routes) {
        const answer = await request(apiUrl, method, path, {
          body,
          headers: { ...credentials, 'X-Console-Request': '1' },
        });
        if (![401, 403].includes(answer.status)) letIn.push(`${who}: ${method} ${path} answered ${answer.status}`);
      }
    }
    expect(letIn).toEqual([]);
  });
});
