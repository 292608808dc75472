import { allHandlersFinished, condition } from '@temporalio/workflow';
import { bookkeeping, deliveriesWith } from './activities';
import { BackgroundWork, type CaseCodeVersion, type CaseContext, OneAtATime } from './case-context';
import { registerCaseHandlers } from './case-handlers';
import { CaseLifecycle } from './case-lifecycle';
import type { CaseWorkflowInput } from './case.types';
import { recordRunStart, startingState } from './continuation';
import { close } from './steps/closure';
import { watchDeferral } from './deadlines/deferral-watch';
import { collectFeedback } from './deadlines/feedback';
import { awaitReviewDecision } from './deadlines/review-deadline';
import { UpdateGuard } from './update-guard';

/** From intake to closure, for cases started since `case-workflow-v2`; `version` says which marker they have. */
export async function runCase(input: CaseWorkflowInput, version: CaseCodeVersion): Promise<void> {
  const { caseId, timings: given, carried } = input;
  const lifecycle = new CaseLifecycle(startingState(input));
  const { state } = lifecycle;
  // Every handler is registered before the first await: a step sent the moment the case opens must find it.
  let context: CaseContext | undefined;
  const guard = new UpdateGuard(caseId, carried?.usedRequestIds);
  registerCaseHandlers(lifecycle, guard, () => context);

  const timings = given ?? (await bookkeeping.loadTimings());
  await recordRunStart(input);
  context = {
    version,
    state,
    lifecycle,
    timings,
    guard,
    deliveries: deliveriesWith(timings),
    background: new BackgroundWork(),
    sharing: new OneAtATime(),
  };

  // Assessment and review, round after round (REQUEST_MORE_INFO), until a decision is made.
  while (!state.decision) {
    await condition(() => state.status === 'AWAITING_REVIEW');
    await awaitReviewDecision(context);
  }

  if (state.decision.level === 'NONE') {
    await close(context, 'NO_REFERRAL');
  } else {
    const deferralWatch = watchDeferral(context);
    await condition(() => state.status === 'AWAITING_FEEDBACK');
    await collectFeedback(context);
    await deferralWatch;
    const { background } = context;
    await condition(() => (!state.checkIn || state.checkIn.completed) && !state.deferral && background.settled);
    await close(context, 'REFERRED');
  }
  await condition(allHandlersFinished);
}
