import { ApplicationFailure } from '@temporalio/common';
import type { CaseActivities } from '@sg/workflows/case/case.activities';
import { pagedStep } from '@sg/workflows/paging/paged-step';
import { PAGE_NOT_RECORDED, type PagingActivities } from '@sg/workflows/paging/paging.types';

/**
 * `pageStaffAndRecord`: one page and its `staff.paged` entry in one activity (three history events and a workflow
 * task fewer than two). Retrying it is safe: the pager keys every message by (case, round, level, repeat, person,
 * route), and the entry by its step key.
 */
export function pagedAndRecorded(
  page: PagingActivities['pageStaff'],
  recordSteps: CaseActivities['recordSteps'],
): PagingActivities['pageStaffAndRecord'] {
  return async (request) => {
    const outcome = await page(request);
    try {
      await recordSteps({ caseId: request.caseId, steps: [pagedStep(request, outcome)] });
    } catch {
      // Not the error itself: a database error carries its query and parameters.
      throw ApplicationFailure.create({
        type: PAGE_NOT_RECORDED,
        message: 'The page was sent; its log entry could not be written',
        nonRetryable: true,
        details: [outcome],
      });
    }
    return outcome;
  };
}
