import { patched } from '@temporalio/workflow';
import type { CaseWorkflowInput } from './case.types';
import { legacyCaseWorkflow } from './legacy/case.workflow';
import { runCase } from './run-case';

/**
 * The one place the case workflow is versioned. Cases started since the newest marker run today's code (`runCase`),
 * which may change freely until the next marker; older cases run what their marker says. Sound because each marker
 * is asked once, before anything else the workflow does, newest first: a history without a marker at its first
 * command answers false to it, and the frozen copy in `legacy/` takes the histories with none (their first command is
 * an activity).
 */
export const CASE_WORKFLOW_V2 = 'case-workflow-v2';
/** Paging without a marker of its own, and each page logged by the activity that sends it. */
export const CASE_WORKFLOW_V3 = 'case-workflow-v3';

/** One durable workflow per case: from intake to closure. */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<void> {
  if (patched(CASE_WORKFLOW_V3)) return runCase(input, 3);
  if (patched(CASE_WORKFLOW_V2)) return runCase(input, 2);
  return legacyCaseWorkflow(input);
}
