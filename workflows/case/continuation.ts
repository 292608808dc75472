import { allHandlersFinished, condition, continueAsNew, patched, workflowInfo } from '@temporalio/workflow';
import { workflowResumedStepKey, workflowStoppedTaskKey } from '../reconcile/reconcile.types';
import { bookkeeping } from './activities';
import type { CaseContext } from './case-context';
import { openingState } from './case-lifecycle';
import type { CaseState, CaseWorkflowInput } from './case.types';

/**
 * Runs of a case after its first: continue-as-new before the history grows long, and an operator's resume of a
 * case whose workflow stopped (docs/operations.md). Both start from a carried state.
 */
export const CASE_CONTINUE_AS_NEW = 'case-continue-as-new';
const DEFAULT_HISTORY_EVENTS_LIMIT = 2000;

/** The state a run starts from: a new case's, or the one carried on from before. */
export function startingState({ caseId, carried }: CaseWorkflowInput): CaseState {
  return carried ? carried.state : openingState(caseId);
}

/**
 * The run's first bookkeeping: a new case is opened; a resumed case logs who resumed it and completes the
 * reconciler's task for the stopped run; a run continued as new has nothing to log.
 */
export async function recordRunStart({ caseId, carried, resumedFrom }: CaseWorkflowInput): Promise<void> {
  if (resumedFrom) {
    const { runId, workflowStatus, by } = resumedFrom;
    const { status, round } = carried!.state;
    await bookkeeping.recordSteps({
      caseId,
      steps: [
        {
          stepKey: workflowResumedStepKey(runId),
          actor: by,
          type: 'case.workflow_resumed',
          data: { workflowStatus, stoppedRunId: runId ?? null, status, round },
          completeTasks: [workflowStoppedTaskKey(runId)],
        },
      ],
    });
  } else if (!carried) {
    await bookkeeping.recordCaseOpened({ caseId });
  }
}

/**
 * Called where a loop that can run for days comes round (each review escalation): once the history is long, waits
 * for updates in progress and continues as new with the whole state. Behind a patch, so a running case replays the
 * timers it took before this existed.
 */
export async function continueIfLong({ state, timings, guard }: CaseContext): Promise<void> {
  const info = workflowInfo();
  const limit = timings.historyEventsLimit ?? DEFAULT_HISTORY_EVENTS_LIMIT;
  if (info.historyLength < limit && !info.continueAsNewSuggested) return;
  if (!patched(CASE_CONTINUE_AS_NEW)) return;
  await condition(allHandlersFinished);
  await continueAsNew<(input: CaseWorkflowInput) => Promise<void>>({
    caseId: state.caseId,
    timings,
    carried: { state, usedRequestIds: guard.usedRequestIds },
  });
}
