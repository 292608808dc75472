import { condition } from '@temporalio/workflow';
import { bookkeeping, staffNotices } from '../activities';
import type { CaseContext } from '../case-context';
import { DEFERRAL_REVIEW_ROLES } from '../case-vocabulary';

/** SPEC §3.3: at the re-review time a deferral comes back to a supervisor rather than being forgotten. */
export async function watchDeferral({ state }: CaseContext): Promise<void> {
  const { caseId } = state;
  while (state.deferral) {
    const { reviewAt } = state.deferral;
    const changed = () => !state.deferral || state.deferral.reviewAt !== reviewAt;
    if (await condition(changed, Math.max(Date.parse(reviewAt) - Date.now(), 1))) continue;
    state.deferral.awaitingSupervisor = true;
    const key = `deferral-review:${reviewAt}`;
    await bookkeeping.recordSteps({
      caseId,
      steps: [
        {
          stepKey: `review.requested:deferral:${reviewAt}`,
          actor: 'system',
          type: 'review.requested',
          data: { kind: 'NOTIFICATION_DEFERRAL', reviewAt, requiredRoles: DEFERRAL_REVIEW_ROLES },
          openTasks: [
            {
              key,
              kind: 'NOTIFICATION_DEFERRAL_REVIEW',
              role: DEFERRAL_REVIEW_ROLES[0],
              description: 'Decide whether the young person can now be told what was shared',
              dueAt: reviewAt,
            },
          ],
        },
      ],
    });
    await staffNotices.notifyStaff({
      caseId,
      role: DEFERRAL_REVIEW_ROLES[0],
      key,
      message: 'A deferred notification to a young person is due for re-review',
    });
    await condition(changed);
  }
}
