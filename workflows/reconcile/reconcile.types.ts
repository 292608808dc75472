/** The reconciler: finds open cases whose workflow is not running (docs/operations.md). */
export const RECONCILE_WORKFLOW_TYPE = 'caseReconcilerWorkflow';
/** The Temporal Schedule that runs it every CASE_RECONCILE_INTERVAL. */
export const RECONCILE_SCHEDULE_ID = 'case-reconciler';
/** The schedule's runs get ids from the schedule; this prefix is theirs. */
export const RECONCILE_WORKFLOW_ID = 'case-reconciler';

/** How a case's workflow was found when it is not running; `MISSING` when Temporal has no run of it. */
export const MISSING_WORKFLOW = 'MISSING';

const runKey = (runId: string | undefined) => runId ?? 'missing';
/** The supervisor task the reconciler opens for a stopped run, and a resume of that run completes. */
export const workflowStoppedTaskKey = (runId: string | undefined) => `workflow-stopped:${runKey(runId)}`;
/** Log step keys: a stopped run is logged once, and resumed once (after a resume it is no longer the latest run). */
export const workflowStoppedStepKey = (runId: string | undefined) => `case.workflow_stopped:${runKey(runId)}`;
export const workflowResumedStepKey = (runId: string | undefined) => `case.workflow_resumed:${runKey(runId)}`;

/** Takes no input; an object, so fields can be added later without breaking running schedules. */
export type ReconcileWorkflowInput = Record<string, never>;

/** What one run found: counts only (case ids go to the log and the tasks, never into workflow results). */
export interface ReconcileRun {
  /** open cases whose workflow was described */
  checked: number;
  /** of those, cases whose workflow is not running */
  stopped: number;
  /** stopped runs logged for the first time by this run */
  newlyLogged: number;
}

export interface ReconcileActivities {
  reconcileCases(): Promise<ReconcileRun>;
}
