import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { DEVELOPMENT_SECRETS } from '../../libs/config/src/development-secrets';
import { e2eEnv } from '../support/env';
import { unusedCode } from '../support/staff';

/** Debian's Chromium (Playwright's own browser download cannot work here); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM}: the console's browser tests need it (apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/** A fresh browser profile (its own cookies) at a desktop size. */
export async function newPerson(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: e2eEnv().apiUrl,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/**
 * Signs in on the console's form as a person would: username, password, and the code step when the account has
 * two-factor sign-in (accounts enrolled by this test file: support/staff).
 */
export async function signInAs(
  page: Page,
  username: string,
  {
    path = '/console/',
    password = DEVELOPMENT_SECRETS.DEMO_PASSWORD as string,
  }: { path?: string; password?: string } = {},
): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const signedIn = page.getByText(`Signed in as ${username}`);
  const code = page.getByLabel('Code');
  await signedIn.or(code).waitFor();
  if (await code.isVisible()) {
    await code.fill(unusedCode(username).code);
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await signedIn.waitFor();
}

/** A person with their own browser profile, signed in. */
export async function signedIn(browser: Browser, username: string, options?: { path?: string; password?: string }) {
  const person = await newPerson(browser);
  await signInAs(person.page, username, options);
  return person;
}

/** axe-core's WCAG 2.x A/AA rules on the page as it is; the violations' ids and targets, for a readable failure. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * A PNG of the screen, small enough for the repository. Every run takes it; `npm run docs:screenshots` writes it to
 * docs/screenshots (the README's pictures), other runs to a temporary folder so a test run leaves the checkout as
 * it found it.
 */
export async function screenshot(page: Page, name: string, from?: string): Promise<void> {
  if (from) await page.getByRole('heading', { name: from }).evaluate((heading) => heading.scrollIntoView());
  const folder = process.env.DOCS_SCREENSHOTS === '1' ? 'docs/screenshots' : join(tmpdir(), 'sg-console-screenshots');
  await page.screenshot({ path: join(folder, `${name}.png`), fullPage: false });
}

/**
 * Waits until `text` shows on the page, reloading between looks: for what the service does on its own after a
 * delay (a feedback request, a check-in falling due) rather than what a person just did.
 */
export async function reloadUntilVisible(page: Page, text: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await page.getByText(text).first().isVisible()) return;
    if (Date.now() > until) throw new Error(`"${text}" did not show within ${timeoutMs} ms`);
    await page.waitForTimeout(1000);
    await page.reload();
    await page.getByRole('heading', { name: 'Chronology' }).waitFor();
  }
}
