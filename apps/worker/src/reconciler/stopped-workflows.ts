import type { StepRecord } from '@sg/workflows/case/case.activities';
import { ReconcileRun, workflowStoppedStepKey, workflowStoppedTaskKey } from '@sg/workflows/reconcile/reconcile.types';

/** A case's latest workflow run as Temporal describes it; no run id when Temporal has none. */
export interface WorkflowRunStatus {
  status: string;
  runId?: string;
}

/** How many cases are described at once: enough to get through thousands in a run, few enough to spare Temporal. */
const CONCURRENCY = 8;

/**
 * One reconciler pass over open cases: each whose workflow is not running is recorded (once per stopped run; the
 * record answers whether this pass was the first to log it).
 */
export async function reconcileOpenCases(
  openCaseIds: readonly string[],
  describe: (caseId: string) => Promise<WorkflowRunStatus>,
  record: (caseId: string, run: WorkflowRunStatus) => Promise<boolean>,
): Promise<ReconcileRun> {
  const run: ReconcileRun = { checked: 0, stopped: 0, newlyLogged: 0 };
  let next = 0;
  const lane = async () => {
    while (next < openCaseIds.length) {
      const caseId = openCaseIds[next++];
      const found = await describe(caseId);
      run.checked++;
      if (found.status === 'RUNNING') continue;
      run.stopped++;
      if (await record(caseId, found)) run.newlyLogged++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, openCaseIds.length) }, lane));
  return run;
}

/** The log entry and supervisor task for a stopped run: keyed by the run, so a later pass adds nothing. */
export function workflowStoppedStep({ status, runId }: WorkflowRunStatus): StepRecord {
  return {
    stepKey: workflowStoppedStepKey(runId),
    actor: 'system',
    type: 'case.workflow_stopped',
    data: { workflowStatus: status, runId: runId ?? null },
    openTasks: [
      {
        key: workflowStoppedTaskKey(runId),
        kind: 'WORKFLOW_STOPPED',
        role: 'supervisor',
        description: 'This open case has no running workflow, so nothing moves it: resume it (POST /cases/:id/resume)',
      },
    ],
  };
}
