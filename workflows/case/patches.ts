import { patched } from '@temporalio/workflow';
import type { CaseContext } from './case-context';

/**
 * On-call paging (SPEC §7) and the staff alerts that came with it: pages for an EMERGENCY review, an alert to the
 * reviewers of any other review and to officers when telling a young person failed. Cases since `case-workflow-v3`
 * always have it. Before that, asked where each of these would first give a command: a case recorded before it
 * replays without them, and one running at the release takes them up from its next review round or failed
 * notification.
 */
export const CASE_PAGING = 'case-paging';

export const pagingOn = ({ version }: Pick<CaseContext, 'version'>): boolean => version >= 3 || patched(CASE_PAGING);
