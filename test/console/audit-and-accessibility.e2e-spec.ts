import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { assess, openCase } from '../support/lifecycle-api';
import { accessibilityViolations, launchBrowser, newPerson, screenshot, signedIn } from './browser';

/** Issue 12: the auditor's export verifies outside the service; and axe-core finds nothing on any screen. */
const VERIFIER = resolve(__dirname, '../../dist/scripts/verify-log-export.js');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect({ screen, violations: await accessibilityViolations(page) }).toEqual({ screen, violations: [] });
}

describe('the auditor, in a browser', () => {
  it('downloads an export of a date range that verify:export accepts', async () => {
    await openCase();
    const eve = await signedIn(browser, 'auditor.eve', { path: '/console/audit' });
    const [download] = await Promise.all([
      eve.page.waitForEvent('download'),
      eve.page.getByRole('link', { name: 'Download the export' }).click(),
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'console-export-')), download.suggestedFilename());
    await download.saveAs(file);
    const verdict = execFileSync('node', [VERIFIER, file], { encoding: 'utf8' });
    expect(verdict).toMatch(/verif/i);
    await eve.context.close();
  });
});

describe('accessibility: no axe-core violations', () => {
  it('on sign-in', async () => {
    const { page, context } = await newPerson(browser);
    await page.goto('/console/');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await expectAccessible(page, 'sign-in');
    await context.close();
  });

  it('on the queue, a case being assessed, a case under review, the rota, reports and the account page', async () => {
    const waiting = await openCase({ age: 15 });
    const reviewing = await openCase({ age: 15 });
    await assess(reviewing.caseId, { age: 15, indicators: ['HOMELESS_OR_AT_RISK'] });

    const amy = await signedIn(browser, 'officer.amy');
    await expectAccessible(amy.page, 'queue');
    await amy.page.goto(`/console/cases/${waiting.caseId}`);
    await amy.page.getByText('Refer to', { exact: false }).or(amy.page.getByText('No referral')).first().waitFor();
    await expectAccessible(amy.page, 'assessment');
    await amy.page.goto('/console/account');
    await amy.page.getByRole('heading', { name: 'Where pages reach you' }).waitFor();
    await expectAccessible(amy.page, 'account');

    const dan = await signedIn(browser, 'supervisor.dan', { path: `/console/cases/${reviewing.caseId}` });
    await dan.page.getByRole('heading', { name: 'Review the decision' }).waitFor();
    await expectAccessible(dan.page, 'review');
    await dan.page.goto('/console/rota');
    await dan.page.getByRole('heading', { name: 'Add a shift' }).waitFor();
    await expectAccessible(dan.page, 'rota');
    await dan.page.goto('/console/reports');
    await dan.page.getByText('Disclosures by channel').waitFor();
    // Emergencies beside non-emergencies week by week come first, with the API's own figures for the same range.
    const weekly = dan.page.getByRole('table', { name: 'Emergencies and non-emergencies decided, by week' });
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const answer = await dan.page.request.get(
      `/reports/summary?from=${day(-30)}T00:00:00Z&to=${day(1)}T00:00:00Z&interval=week`,
    );
    const { periods } = (await answer.json()) as { periods: { decisions: { byLevel: Record<string, number> } }[] };
    const column = (level: string) => periods.map((p) => String(p.decisions.byLevel[level] ?? 0));
    await weekly.waitFor();
    expect(await weekly.locator('tbody tr').count()).toBe(periods.length);
    expect(await weekly.locator('tbody tr td:nth-of-type(1)').allInnerTexts()).toEqual(column('EMERGENCY'));
    expect(await weekly.locator('tbody tr td:nth-of-type(2)').allInnerTexts()).toEqual(column('NON_EMERGENCY'));
    await expectAccessible(dan.page, 'reports');
    await screenshot(dan.page, 'reports');
    await Promise.all([amy.context.close(), dan.context.close()]);
  });

  it('on the audit page with a verified log, and on staff accounts', async () => {
    const { caseId } = await openCase();
    const eve = await signedIn(browser, 'auditor.eve', { path: '/console/audit' });
    await eve.page.getByLabel('Case id').fill(caseId);
    await eve.page.getByRole('button', { name: 'Verify the log' }).click();
    await eve.page.getByText('The log verifies').waitFor();
    await expectAccessible(eve.page, 'audit');

    const fay = await signedIn(browser, 'admin.fay', { path: '/console/admin' });
    await fay.page.getByRole('rowheader', { name: 'officer.amy' }).waitFor();
    await expectAccessible(fay.page, 'admin');
    await Promise.all([eve.context.close(), fay.context.close()]);
  });
});
