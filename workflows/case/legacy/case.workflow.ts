import { allHandlersFinished, condition, currentUpdateInfo, proxyActivities, setHandler } from '@temporalio/workflow';
import { UpdateGuard } from '../update-guard';
import type { CaseActivities } from './case.activities';
import {
  caseStateQuery,
  completeCheckInUpdate,
  recordFeedbackUpdate,
  recordInvolvementUpdate,
  recordReferralUpdate,
  releaseNotificationUpdate,
  submitAssessmentUpdate,
  submitReviewUpdate,
} from './case.messages';
import { ActedInput, CaseWorkflowInput } from './case.types';
import { CaseLifecycle } from './case-lifecycle';
import { CaseSteps } from './case-steps';

const setup = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * FROZEN: the case workflow as it was before `case-workflow-v2`, replayed by cases started before it. Do not refactor
 * or change it: any change to what it does can stall those cases. The one addition is the update guard (case and
 * request ids), which runs only in validators and in handlers before their first await, and so adds no command.
 */
export async function legacyCaseWorkflow({ caseId }: CaseWorkflowInput): Promise<void> {
  const lifecycle = new CaseLifecycle(caseId);
  const guard = new UpdateGuard(caseId);
  const state = lifecycle.state;
  setHandler(caseStateQuery, () => state);

  // Every handler is registered before the first await: a step sent the moment the case opens must find it.
  // Handlers then wait until case.opened is written (the log starts with it); validators need only the state.
  let opened: CaseSteps | undefined;
  const ready = async (): Promise<CaseSteps> => {
    await condition(() => opened !== undefined);
    return opened!;
  };
  const step =
    <T, R>(name: (input: T) => string, body: (steps: CaseSteps, input: T) => Promise<R>) =>
    async (input: T): Promise<R> => {
      guard.accept(input as ActedInput<unknown>);
      const key = name(input);
      lifecycle.begin(key);
      try {
        return await body(await ready(), input);
      } finally {
        lifecycle.end(key);
      }
    };
  setHandler(
    submitAssessmentUpdate,
    step(
      () => 'assessment',
      (s, i) => s.assess(i),
    ),
    { validator: (i) => (guard.check(i, currentUpdateInfo()?.id), lifecycle.checkAssessment(i)) },
  );
  setHandler(
    submitReviewUpdate,
    step(
      () => 'review',
      async (s, i) => (await s.review(i), state),
    ),
    { validator: (i) => (guard.check(i, currentUpdateInfo()?.id), lifecycle.checkReview(i)) },
  );
  setHandler(
    recordInvolvementUpdate,
    step(
      () => 'involvement',
      async (s, i) => (await s.involve(i), state),
    ),
    { validator: (i) => (guard.check(i, currentUpdateInfo()?.id), lifecycle.checkInvolvement(i)) },
  );
  setHandler(
    recordReferralUpdate,
    step(
      (i) => `referral:${i.input.agency}`,
      async (s, i) => (await s.refer(i), state),
    ),
    { validator: (i) => (guard.check(i, currentUpdateInfo()?.id), lifecycle.checkReferral(i)) },
  );
  setHandler(
    completeCheckInUpdate,
    step(
      () => 'check-in',
      async (s, i) => (await s.completeCheckIn(i), state),
    ),
    { validator: (i) => (guard.check(i, currentUpdateInfo()?.id), lifecycle.checkCheckIn(i)) },
  );
  setHandler(
    recordFeedbackUpdate,
    step(
      (i) => `feedback:${i.input.agency}`,
      async (s, i) => (await s.recordFeedback(i), state),
    ),
    { validator: (i) => (guard.check(i, currentUpdateInfo()?.id), lifecycle.checkFeedback(i)) },
  );
  setHandler(
    releaseNotificationUpdate,
    step(
      () => 'release',
      async (s, i) => (await s.releaseNotification(i), state),
    ),
    { validator: (i) => (guard.check(i, currentUpdateInfo()?.id), lifecycle.checkRelease(i)) },
  );

  const steps = new CaseSteps(lifecycle, await setup.loadTimings());
  await setup.recordCaseOpened({ caseId });
  opened = steps;

  // Assessment and review, round after round (REQUEST_MORE_INFO), until a decision is made.
  while (!state.decision) {
    await condition(() => state.status === 'AWAITING_REVIEW');
    await steps.awaitReviewDecision();
  }

  if (state.decision.level === 'NONE') {
    await steps.close('NO_REFERRAL');
  } else {
    const deferralWatch = steps.watchDeferral();
    await condition(() => state.status === 'AWAITING_FEEDBACK');
    await steps.collectFeedback();
    await deferralWatch;
    await condition(() => (!state.checkIn || state.checkIn.completed) && !state.deferral && steps.deliveriesSettled);
    await steps.close('REFERRED');
  }
  await condition(allHandlersFinished);
}
