import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { entriesOf, logOf, openCase } from '../support/lifecycle-api';
import { multiRoleStaffHeaders } from '../support/staff';
import { launchBrowser, reloadUntilVisible, screenshot, signedIn } from './browser';

/**
 * Issue 12: a group-chat emergency taken from intake to closure by three people in their own browsers (an officer
 * assesses, the on-call worker approves, a second officer refers, records feedback and the check-in), and the
 * log they leave verifies. Also: the assessor's own review is refused and the page says why.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const caseLink = (page: Page, caseId: string) => page.getByRole('link', { name: `Case ${caseId.slice(0, 8)}` });

describe('the console, in a browser', () => {
  it('officer, on-call worker and a second officer take a group-chat emergency from intake to closure', async () => {
    const { caseId } = await openCase({ channel: 'group_chat', age: 14 });

    // The officer assesses: the recommendation follows what is ticked, before anything is submitted.
    const amy = await signedIn(browser, 'officer.amy');
    await caseLink(amy.page, caseId).click();
    await amy.page.getByRole('heading', { name: 'Assess the risk' }).waitFor();
    await amy.page.getByLabel('Age', { exact: true }).fill('14');
    await amy.page.getByText('No referral').first().waitFor();
    await amy.page.getByLabel('A plan to end their life in the immediate future').check();
    await amy.page.getByText('Emergency — refer to Emergency services (999)').waitFor();
    await amy.page.getByText('remove the young person from the group-chat room', { exact: false }).first().waitFor();
    await amy.page.getByRole('button', { name: 'Submit assessment' }).click();
    await amy.page.getByText('Assessment recorded').waitFor();

    // The on-call worker sees it at the top of the queue with its countdown, takes it, and approves.
    const cat = await signedIn(browser, 'oncall.cat');
    const row = cat.page.locator(`tr[data-case-id="${caseId}"]`);
    await row.getByText(/left|Overdue/).waitFor();
    await screenshot(cat.page, 'queue');
    await caseLink(cat.page, caseId).click();
    await cat.page.getByRole('heading', { name: 'Review the decision' }).waitFor();
    await cat.page.getByText('This case was assessed by officer.amy.').waitFor();
    // "I have it" is offered on an emergency review (its step is not exercised here: see docs/console.md).
    await cat.page.getByRole('button', { name: 'I have it' }).waitFor();
    await cat.page.getByLabel('Approve the recommendation').check();
    await screenshot(cat.page, 'case-review', 'Next step');
    await cat.page.getByRole('button', { name: 'Record decision' }).click();
    await cat.page.getByText('Review recorded.').waitFor();

    // A second officer records the phoned referral: only what they tick is shared, and the room removal.
    const ben = await signedIn(browser, 'officer.ben', { path: `/console/cases/${caseId}` });
    await ben.page.getByRole('heading', { name: 'Record a referral' }).waitFor();
    const phoneField = ben.page.locator('[data-field="phone"]').getByLabel('Phone', { exact: true });
    expect(await phoneField.inputValue()).toBe('+44 7700 900123'); // pre-filled from the identifying details…
    expect(await ben.page.locator('[data-field] input[type=checkbox]:checked').count()).toBe(0); // …none ticked
    await ben.page.getByLabel('Share name').check();
    await ben.page
      .locator('[data-field="concernSummary"]')
      .getByRole('textbox')
      .fill('Plan to end their life tonight.');
    await ben.page.getByLabel('Share why we are worried').check();
    await ben.page.getByLabel('The young person has been removed from the group-chat room').check();
    await ben.page.getByRole('button', { name: 'Record referral' }).click();
    await ben.page.getByText('Referral to Emergency services (999) recorded.').waitFor();

    // Feedback once the agency has been asked; then the check-in, which closes the case.
    await reloadUntilVisible(ben.page, 'Feedback requested from Emergency services (999).');
    await ben.page.getByLabel('What the agency told us').fill('Officers attended; the young person is safe.');
    await ben.page.getByRole('button', { name: 'Record feedback' }).click();
    await ben.page.getByText('Feedback recorded.').waitFor();
    await reloadUntilVisible(ben.page, 'Record the check-in');
    await ben.page.getByLabel('How the young person is').fill('With family, safe.');
    await ben.page.getByRole('button', { name: 'Record check-in' }).click();
    await reloadUntilVisible(ben.page, 'Case closed.');

    const log = await logOf(caseId);
    const [referral] = entriesOf(log, 'referral.recorded');
    expect(referral.data.sharedData).toEqual({
      name: 'Sam Example',
      concernSummary: 'Plan to end their life tonight.',
    });
    expect(entriesOf(log, 'room.removed')).toHaveLength(1);
    expect(entriesOf(log, 'review.decided')[0]).toMatchObject({ actor: 'oncall.cat', data: { decision: 'APPROVE' } });

    // The auditor checks the chain the three of them left.
    const eve = await signedIn(browser, 'auditor.eve', { path: '/console/audit' });
    await eve.page.getByLabel('Case id').fill(caseId);
    await eve.page.getByRole('button', { name: 'Verify the log' }).click();
    await eve.page.getByText('The log verifies').waitFor();
    await screenshot(eve.page, 'auditor');
    await Promise.all([amy, cat, ben, eve].map((p) => p.context.close()));
  });

  it("refuses the assessor's own review, and the page says why", async () => {
    const username = `lead.${randomUUID().slice(0, 8)}`;
    const password = 'a-long-test-password-1';
    await multiRoleStaffHeaders(username, ['officer', 'supervisor']); // enrols its second factor too
    const { caseId } = await openCase({ age: 15 });

    const lead = await signedIn(browser, username, { path: `/console/cases/${caseId}`, password });
    await lead.page.getByLabel('Homeless, or at risk of homelessness').check();
    await lead.page.getByText('Non-emergency — refer to').waitFor();
    await lead.page.getByRole('button', { name: 'Submit assessment' }).click();
    await lead.page.getByRole('heading', { name: 'Review the decision' }).waitFor();
    await lead.page.getByText('You cannot review it; ask a colleague.').waitFor();
    await lead.page.getByRole('button', { name: 'Record decision' }).click();
    const refusal = lead.page.getByRole('alert');
    await refusal.getByText('This step was not recorded').waitFor();
    await refusal.getByText('Four eyes: the reviewer cannot be the person who made the assessment').waitFor();
    expect(entriesOf(await logOf(caseId), 'review.decided')).toHaveLength(0);
    await lead.context.close();
  });
});
