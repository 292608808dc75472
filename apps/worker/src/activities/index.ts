import { ApplicationFailure } from '@temporalio/common';
import type { CaseActivities } from '@sg/workflows/case/case.activities';
import type { PagingActivities } from '@sg/workflows/paging/paging.types';
import { CaseRecordActivities } from './case-record.activities';
import { DeliveryActivities } from './delivery.activities';

export { CaseRecordActivities, DeliveryActivities };
export const ACTIVITY_PROVIDERS = [CaseRecordActivities, DeliveryActivities];

/**
 * An error leaves an activity as its name and message only. A database error object carries its query and
 * parameters (disclosure text, names), which the worker would otherwise log on every retry.
 */
function withoutDetails<A extends unknown[], R>(activity: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await activity(...args);
    } catch (error) {
      if (error instanceof ApplicationFailure || !(error instanceof Error)) throw error;
      // The cause is dropped on purpose: it is what carries the query and its parameters.
      // eslint-disable-next-line preserve-caught-error
      throw new Error(`${error.name}: ${error.message}`);
    }
  };
}

/** The activity methods as plain functions, bound to their instances, for Worker.create({ activities }). */
export function bindActivities(
  records: CaseRecordActivities,
  deliveries: DeliveryActivities,
): CaseActivities & PagingActivities {
  return {
    loadTimings: withoutDetails(records.loadTimings.bind(records)),
    recordCaseOpened: withoutDetails(records.recordCaseOpened.bind(records)),
    evaluatePolicy: withoutDetails(records.evaluatePolicy.bind(records)),
    recordStep: withoutDetails(records.recordStep.bind(records)),
    prepareNotification: withoutDetails(records.prepareNotification.bind(records)),
    deliverNotification: withoutDetails(deliveries.deliverNotification.bind(deliveries)),
    deliverReferral: withoutDetails(deliveries.deliverReferral.bind(deliveries)),
    notifySubject: withoutDetails(deliveries.notifySubject.bind(deliveries)),
    sendReferral: withoutDetails(deliveries.sendReferral.bind(deliveries)),
    notifyStaff: withoutDetails(deliveries.notifyStaff.bind(deliveries)),
    pageStaff: withoutDetails(deliveries.pageStaff.bind(deliveries)),
  };
}
