import { request } from './support/http';
import { e2eEnv } from './support/env';
import { AMY, assess, CAT, expectAnswer, logOf, openCase, refer, review } from './support/lifecycle-api';
import { platformHeaders } from './support/staff';

const { apiUrl } = e2eEnv();

describe("a young person's sharing history, read through the platform (issue 10)", () => {
  it('records every read in the case it shows, and limits reads per young person', async () => {
    const { caseId, externalUserId } = await openCase({ age: 15 });
    expectAnswer(await assess(caseId, { indicators: ['SUICIDE_PLAN_IMMEDIATE'] }), 200);
    expectAnswer(await review(caseId, CAT, { decision: 'APPROVE' }), 200);
    const shared = { concernSummary: 'Plan to end their life tonight' };
    expectAnswer(await refer(caseId, { agency: 'EMERGENCY_SERVICES', method: 'PHONE', sharedData: shared }, AMY), 201);

    const minted = await request(apiUrl, 'POST', '/subject-tokens', {
      body: { externalUserId },
      headers: platformHeaders(),
    });
    expectAnswer(minted, 201);
    const asYoungPerson = { Authorization: `Bearer ${minted.body.accessToken}` };
    const first = await request(apiUrl, 'GET', '/me/sharing-history', { headers: asYoungPerson });
    expectAnswer(first, 200);
    expect(first.body.items.map((i: { caseId: string }) => i.caseId)).toEqual([caseId]);
    const reads = (await logOf(caseId)).filter((e) => e.type === 'case.viewed' && e.actor === 'subject');
    expect(reads.map((e) => e.data)).toEqual([{ what: 'sharing-history' }]);

    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await request(apiUrl, 'GET', '/me/sharing-history', { headers: asYoungPerson })).status);
    // SHARING_HISTORY_READS_PER_MINUTE (10): nine more reads pass, then 429 until the minute is up.
    expect(statuses).toEqual([...Array(9).fill(200), 429, 429, 429]);
    const refused = await fetch(`${apiUrl}/me/sharing-history`, { headers: asYoungPerson });
    expect([refused.status, Number(refused.headers.get('retry-after')) > 0]).toEqual([429, true]);
    // Refused reads are not recorded as reads.
    expect((await logOf(caseId)).filter((e) => e.type === 'case.viewed' && e.actor === 'subject')).toHaveLength(10);
  });
});
