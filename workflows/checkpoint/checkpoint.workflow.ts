import { proxyActivities } from '@temporalio/workflow';
import type { CheckpointActivities, CheckpointRun, CheckpointWorkflowInput } from './checkpoint.types';

const { checkpointCaseLogs } = proxyActivities<CheckpointActivities>({
  // A run verifies only what was appended since the last one; minutes are room for a backlog after an outage.
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '5 seconds', maximumAttempts: 3, nonRetryableErrorTypes: ['LOG.TREE_INCONSISTENT'] },
});

/**
 * Checkpoints the case logs and publishes a signed tree head (docs/audit.md): run by a Temporal Schedule every
 * LOG_CHECKPOINT_INTERVAL, and when an auditor asks. One activity: all the work is I/O in the worker.
 */
export async function caseLogCheckpointWorkflow(_input: CheckpointWorkflowInput = {}): Promise<CheckpointRun> {
  return checkpointCaseLogs();
}
