import { randomUUID } from 'node:crypto';
import { disclosure } from './support/disclosures';
import { AMY, call, logOf, PLATFORM, waitForEntry } from './support/lifecycle-api';

/**
 * A step sent the moment a case is accepted (before its workflow has run its first activity) must be accepted,
 * not refused for want of a handler, and the log must still start with case.opened.
 */
describe('lifecycle: a step sent at once', () => {
  it('accepts an assessment sent the instant the case is opened, and case.opened stays first', async () => {
    const assessment = {
      age: 15,
      adultAtRisk: false,
      indicators: ['SUICIDE_PLAN_IMMEDIATE'],
      declaredSafe: false,
      informationComplete: true,
      hasSocialWorker: false,
      notes: 'sent at once',
    };
    for (let attempt = 0; attempt < 5; attempt++) {
      const created = await call(PLATFORM, 'POST', '/disclosures', disclosure(randomUUID()));
      expect(created.status).toBe(201);
      const assessed = await call(AMY, 'POST', `/cases/${created.body.caseId}/assessment`, assessment);
      expect({ status: assessed.status, level: assessed.body.recommendation?.level }).toEqual({
        status: 200,
        level: 'EMERGENCY',
      });
      await waitForEntry(created.body.caseId, 'review.requested');
      // Pages run beside the steps (their order is timing): test/paging-loop.e2e-spec.ts checks them.
      const types = (await logOf(created.body.caseId))
        .map((e) => e.type)
        .filter((t) => t !== 'case.viewed' && t !== 'staff.paged');
      expect(types).toEqual(['case.opened', 'assessment.submitted', 'policy.evaluated', 'review.requested']);
    }
  });
});
