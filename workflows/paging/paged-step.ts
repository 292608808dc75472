import type { StepRecord } from '../case/case.activities';
import type { PageOutcome, PageRequest } from './paging.types';

/**
 * A page's `staff.paged` log entry: who was paged by which routes, or why the level was passed (nobody to page, or
 * the pager failing: `outcome` undefined). Written by the activity that sent the page, or by the workflow when that
 * activity could not write it. Plain data only: this runs in the workflow sandbox too.
 */
export function pagedStep({ round, level, repeat }: PageRequest, outcome: PageOutcome | undefined): StepRecord {
  return {
    stepKey: `staff.paged:${round}:${level}:${repeat}`,
    actor: 'system',
    type: 'staff.paged',
    data: { round, level, repeat, ...pagedData(outcome) },
  };
}

function pagedData(outcome: PageOutcome | undefined) {
  if (!outcome) return { outcome: 'PAGER_FAILED', usernames: [], routes: [], unreachable: [], failed: [] };
  const { paged, unreachable, failed, nobody } = outcome;
  return {
    outcome: nobody ? 'NOBODY' : 'PAGED',
    usernames: paged.map((p) => p.username),
    routes: [...new Set(paged.flatMap((p) => p.routes))].sort(),
    unreachable,
    failed,
  };
}
