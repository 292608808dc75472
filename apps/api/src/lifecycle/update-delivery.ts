import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';

/**
 * Pauses before each further attempt. Each attempt may itself wait up to about a minute (Temporal holds an update
 * call until the update is accepted), so the whole can take three minutes in the worst case: an officer's request
 * waits rather than leaving a step half taken.
 */
export const UPDATE_RETRY_PAUSES_MS = [500, 2_000];

/**
 * Sends one update until Temporal gives it an outcome. A step's bookkeeping runs inside the workflow task that takes
 * the update, so when that task is lost (the worker killed, the task timed out) the step may already be written
 * while the update was never accepted: the case's log and read model are then ahead of its workflow, and nobody would
 * send the step again (fault test: worker kills). So a failure that is not an outcome is sent again under the same
 * update id: Temporal answers the first attempt's outcome if it was taken, or takes it now (its bookkeeping is keyed
 * by step, so it writes nothing twice). An outcome — the workflow's refusal or failure — and a workflow that is gone
 * are never sent again.
 */
export async function deliverUpdate<T>(
  send: () => Promise<T>,
  { pauses = UPDATE_RETRY_PAUSES_MS, pause = sleep }: { pauses?: number[]; pause?: (ms: number) => Promise<void> } = {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const outcome = error instanceof WorkflowUpdateFailedError || error instanceof WorkflowNotFoundError;
      if (outcome || attempt >= pauses.length) throw error;
      await pause(pauses[attempt]);
    }
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
