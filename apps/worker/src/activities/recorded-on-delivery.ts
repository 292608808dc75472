import { ApplicationFailure } from '@temporalio/common';
import type { CaseActivities, StepRecord } from '@sg/workflows/case/case.activities';
import { DELIVERED_NOT_RECORDED } from '@sg/workflows/case/delivery-records';
import { referralSentStep, subjectNotifiedStep } from '@sg/workflows/case/steps/delivery-steps';
import { pagedStep } from '@sg/workflows/paging/paged-step';
import type { PagingActivities } from '@sg/workflows/paging/paging.types';

/**
 * A delivery and its log entry in one activity (three history events and a workflow task fewer than two
 * activities). Nothing is written until the delivery has gone out. Retrying it is safe: every delivery is keyed by
 * its business identity, so the recipient drops a repeat, and the entry by its step key. A delivery that went out but
 * whose entry could not be written fails at once with DELIVERED_NOT_RECORDED, carrying the result, for the workflow
 * to write (workflows/case/delivery-records.ts): an outage of the log never spends delivery attempts.
 */
export function recordedOnDelivery<I, O>(
  deliver: (input: I) => Promise<O>,
  recordSteps: CaseActivities['recordSteps'],
  entryOf: (input: I, result: O) => { caseId: string; step: StepRecord },
): (input: I) => Promise<O> {
  return async (input) => {
    const result = await deliver(input);
    const { caseId, step } = entryOf(input, result);
    try {
      await recordSteps({ caseId, steps: [step] });
    } catch {
      // Not the error itself: a database error carries its query and parameters.
      throw ApplicationFailure.create({
        type: DELIVERED_NOT_RECORDED,
        message: `Delivered; its ${step.type} entry could not be written`,
        nonRetryable: true,
        details: [result],
      });
    }
    return result;
  };
}

type Deliveries = CaseActivities & PagingActivities;

/** Since `case-workflow-v3` each delivery to a person writes its own entry (subject.notified, referral.sent, …). */
export function deliveriesThatRecord(
  deliveries: Pick<Deliveries, 'deliverNotification' | 'deliverReferral' | 'pageStaff'>,
  recordSteps: CaseActivities['recordSteps'],
): Pick<Deliveries, 'deliverNotificationAndRecord' | 'deliverReferralAndRecord' | 'pageStaffAndRecord'> {
  return {
    deliverNotificationAndRecord: recordedOnDelivery(
      (input: Parameters<Deliveries['deliverNotification']>[0]) => deliveries.deliverNotification(input),
      recordSteps,
      (input, route) => ({
        caseId: input.notification.caseId,
        step: subjectNotifiedStep(input.notification, route),
      }),
    ),
    deliverReferralAndRecord: recordedOnDelivery(
      (referral: Parameters<Deliveries['deliverReferral']>[0]) => deliveries.deliverReferral(referral),
      recordSteps,
      (referral, route) => ({
        caseId: referral.caseId,
        step: referralSentStep(referral, route),
      }),
    ),
    pageStaffAndRecord: recordedOnDelivery(
      (request: Parameters<Deliveries['pageStaff']>[0]) => deliveries.pageStaff(request),
      recordSteps,
      (request, outcome) => ({
        caseId: request.caseId,
        step: pagedStep(request, outcome),
      }),
    ),
  };
}
