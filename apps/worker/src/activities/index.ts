import { DataSource } from 'typeorm';
import { lifecycleConfig } from '@sg/config';
import { disclosureFingerprintKey } from '@sg/config/disclosure-fingerprint-key';
import { policyCalendarFromEnv } from '@sg/policy';
import type { CaseActivities } from '@sg/workflows/case/case.activities';
import type { CaseActivities as LegacyCaseActivities } from '@sg/workflows/case/legacy/case.activities';
import type { PagingActivities } from '@sg/workflows/paging/paging.types';
import type { CaseTimings } from '@sg/workflows/case/case.types';
import { TypeOrmCaseLedger } from './case-ledger.typeorm';
import { CaseRecordActivities } from './case-record.activities';
import { DeliveryActivities } from './delivery.activities';
import { configuredRoute } from './notification-preparation';
import { deliveriesThatRecord } from './recorded-on-delivery';
import { withoutDetails } from './without-details';

export { CaseRecordActivities, DeliveryActivities };

/** Bookkeeping over PostgreSQL, with the delays and policy dates of this process's configuration. */
const caseRecords = {
  provide: CaseRecordActivities,
  useFactory: (dataSource: DataSource, timings: CaseTimings) =>
    new CaseRecordActivities(new TypeOrmCaseLedger(dataSource), timings, policyCalendarFromEnv(process.env), {
      fingerprintKey: disclosureFingerprintKey(),
      canTellBy: configuredRoute,
    }),
  inject: [DataSource, lifecycleConfig.KEY],
};
export const ACTIVITY_PROVIDERS = [caseRecords, DeliveryActivities];

/**
 * The activity methods as plain functions, bound to their instances, for Worker.create({ activities }): today's and,
 * while cases started before `case-workflow-v2` may still run, the ones their frozen code calls.
 */
export function bindActivities(
  records: CaseRecordActivities,
  deliveries: DeliveryActivities,
): CaseActivities & PagingActivities & LegacyCaseActivities {
  const recording = deliveriesThatRecord(deliveries, records.recordSteps.bind(records));
  return {
    loadTimings: withoutDetails(records.loadTimings.bind(records)),
    recordCaseOpened: withoutDetails(records.recordCaseOpened.bind(records)),
    recordAssessment: withoutDetails(records.recordAssessment.bind(records)),
    recordSteps: withoutDetails(records.recordSteps.bind(records)),
    deliverNotificationAndRecord: withoutDetails(recording.deliverNotificationAndRecord),
    deliverReferralAndRecord: withoutDetails(recording.deliverReferralAndRecord),
    pageStaffAndRecord: withoutDetails(recording.pageStaffAndRecord),
    notifyStaff: withoutDetails(deliveries.notifyStaff.bind(deliveries)),
    // Cases from before case-workflow-v3:
    deliverNotification: withoutDetails(deliveries.deliverNotification.bind(deliveries)),
    deliverReferral: withoutDetails(deliveries.deliverReferral.bind(deliveries)),
    pageStaff: withoutDetails(deliveries.pageStaff.bind(deliveries)),
    // Legacy only:
    evaluatePolicy: withoutDetails(records.evaluatePolicy.bind(records)),
    recordStep: withoutDetails(records.recordStep.bind(records)),
    prepareNotification: withoutDetails(records.prepareNotification.bind(records)),
    notifySubject: withoutDetails(deliveries.notifySubject.bind(deliveries)),
    sendReferral: withoutDetails(deliveries.sendReferral.bind(deliveries)),
  };
}
