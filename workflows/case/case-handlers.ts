import type { UpdateDefinition } from '@temporalio/common';
import { condition, currentUpdateInfo, setHandler } from '@temporalio/workflow';
import type { CaseContext } from './case-context';
import type { CaseUpdate } from './case-inputs';
import type { CaseLifecycle } from './case-lifecycle';
import { acknowledgePageUpdate } from '../paging/paging.messages';
import * as messages from './case.messages';
import { acknowledge } from './steps/acknowledge';
import { assess } from './steps/assessment';
import { completeCheckIn, involve, recordFeedback, releaseNotification } from './steps/follow-up';
import { refer } from './steps/referral';
import { review } from './steps/review';
import type { UpdateGuard } from './update-guard';

/**
 * Registers every step of SPEC §3 as an update. The validator checks the envelope, then the lifecycle, before anything
 * is written; the handler spends the request id and marks its step busy synchronously, then waits for the case to be
 * open (a step may arrive the moment the workflow starts) and runs.
 */
export function registerCaseHandlers(
  lifecycle: CaseLifecycle,
  guard: UpdateGuard,
  opened: () => CaseContext | undefined,
): void {
  const { state } = lifecycle;
  const step = <T, R>(
    update: UpdateDefinition<R, [CaseUpdate<T>]>,
    busyKey: (input: NoInfer<T>) => string,
    check: (update: CaseUpdate<NoInfer<T>>) => void,
    body: (context: CaseContext, update: CaseUpdate<NoInfer<T>>) => Promise<R>,
  ) =>
    setHandler(
      update,
      async (received) => {
        guard.accept(received);
        const busy = busyKey(received.input);
        lifecycle.begin(busy);
        try {
          await condition(() => opened() !== undefined);
          return await body(opened()!, received);
        } finally {
          lifecycle.end(busy);
        }
      },
      {
        validator: (received) => {
          guard.check(received, currentUpdateInfo()?.id);
          check(received);
        },
      },
    );
  // Most steps answer with the case as it now stands.
  const thenState =
    <T>(body: (context: CaseContext, update: CaseUpdate<T>) => Promise<void>) =>
    async (context: CaseContext, update: CaseUpdate<T>) => {
      await body(context, update);
      return state;
    };

  step(
    messages.submitAssessmentUpdate,
    () => 'assessment',
    (u) => lifecycle.checkAssessment(u),
    assess,
  );
  step(
    messages.submitReviewUpdate,
    () => 'review',
    (u) => lifecycle.checkReview(u),
    thenState(review),
  );
  step(
    messages.recordInvolvementUpdate,
    () => 'involvement',
    (u) => lifecycle.checkInvolvement(u),
    thenState(involve),
  );
  step(
    messages.recordReferralUpdate,
    (i) => `referral:${i.agency}`,
    (u) => lifecycle.checkReferral(u),
    thenState(refer),
  );
  step(
    messages.completeCheckInUpdate,
    () => 'check-in',
    (u) => lifecycle.checkCheckIn(u),
    thenState(completeCheckIn),
  );
  step(
    messages.recordFeedbackUpdate,
    (i) => `feedback:${i.agency}`,
    (u) => lifecycle.checkFeedback(u),
    thenState(recordFeedback),
  );
  step(
    messages.releaseNotificationUpdate,
    () => 'release',
    (u) => lifecycle.checkRelease(u),
    thenState(releaseNotification),
  );
  step(
    acknowledgePageUpdate,
    () => 'acknowledge',
    (u) => lifecycle.checkAcknowledge(u),
    acknowledge,
  );
  setHandler(messages.caseStateQuery, () => state);
}
