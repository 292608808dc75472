import { patched } from '@temporalio/workflow';
import type { CaseWorkflowInput } from './case.types';
import { legacyCaseWorkflow } from './legacy/case.workflow';
import { runCase } from './run-case';

/**
 * The one place the case workflow is versioned. Cases started since this marker run today's code (`runCase`), which
 * may change freely until the next marker; cases whose history has no marker replay the frozen copy in `legacy/`.
 * Sound because an older history's first command is an activity, never this marker, so `patched` answers false
 * there, and it is asked once, before anything else the workflow does.
 */
export const CASE_WORKFLOW_V2 = 'case-workflow-v2';

/** One durable workflow per case: SPEC §3 from intake to closure. */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<void> {
  if (patched(CASE_WORKFLOW_V2)) return runCase(input);
  return legacyCaseWorkflow(input);
}
