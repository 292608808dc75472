import type { CaseActivities } from '@sg/workflows/case/case.activities';
import { CaseRecordActivities } from './case-record.activities';
import { DeliveryActivities } from './delivery.activities';

export { CaseRecordActivities, DeliveryActivities };
export const ACTIVITY_PROVIDERS = [CaseRecordActivities, DeliveryActivities];

/** The activity methods as plain functions, bound to their instances, for Worker.create({ activities }). */
export function bindActivities(records: CaseRecordActivities, deliveries: DeliveryActivities): CaseActivities {
  return {
    loadTimings: records.loadTimings.bind(records),
    recordCaseOpened: records.recordCaseOpened.bind(records),
    evaluatePolicy: records.evaluatePolicy.bind(records),
    recordStep: records.recordStep.bind(records),
    notifySubject: deliveries.notifySubject.bind(deliveries),
    sendReferral: deliveries.sendReferral.bind(deliveries),
    notifyStaff: deliveries.notifyStaff.bind(deliveries),
  };
}
