import { proxyActivities } from '@temporalio/workflow';
import type { ReconcileActivities, ReconcileRun, ReconcileWorkflowInput } from './reconcile.types';

const { reconcileCases } = proxyActivities<ReconcileActivities>({
  // One describe per open case; minutes leave room for many open cases. The next scheduled run retries anyway.
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '5 seconds', maximumAttempts: 3 },
});

/**
 * Finds open cases whose workflow is not running, logs each stopped run once and opens a supervisor task for it:
 * run by a Temporal Schedule every CASE_RECONCILE_INTERVAL. One activity: all the work is I/O in the worker.
 */
export async function caseReconcilerWorkflow(_input: ReconcileWorkflowInput = {}): Promise<ReconcileRun> {
  return reconcileCases();
}
