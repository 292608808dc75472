import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { CaseActivities } from './case.activities';
import { caseStateQuery } from './case.messages';
import { CaseState, CaseWorkflowInput } from './case.types';

// Activities retry without limit: a case must never stall because a database blinked.
const activities = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** One durable workflow per case: SPEC §3 from intake to closure. */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<void> {
  const state: CaseState = { caseId: input.caseId, status: 'AWAITING_ASSESSMENT' };
  setHandler(caseStateQuery, () => state);

  await activities.recordCaseOpened({ caseId: input.caseId });

  // The case now waits for its risk assessment; the lifecycle steps move it on from here.
  await condition(() => state.status === 'CLOSED');
}
