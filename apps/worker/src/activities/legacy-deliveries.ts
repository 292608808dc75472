import { DataSource } from 'typeorm';
import type { AgencyReferral, SubjectDelivery } from '@sg/agencies';
import { CaseLogStore } from '@sg/case-log';
import type { NotificationOutcome, NotificationRequest } from '@sg/workflows/case/case.activities';
import type { Agency } from '@sg/workflows/case/case.types';
import { prepareNotification, referralEntry } from './notification-preparation';

/**
 * Before delivery and bookkeeping were split (patch `deliveries-without-bookkeeping`), one activity prepared,
 * delivered and logged. Kept only for cases whose history already calls `notifySubject` and `sendReferral`.
 */
export async function notifySubjectInOneStep(
  dataSource: DataSource,
  log: CaseLogStore,
  deliver: (delivery: SubjectDelivery) => Promise<string>,
  request: NotificationRequest,
): Promise<NotificationOutcome> {
  const { caseId, agency } = request;
  const stepKey = `subject.notified:${agency}`;
  const done =
    (await log.entryForStep(caseId, stepKey)) ??
    (await log.entryForStep(caseId, `subject.notification_not_possible:${agency}`));
  if (done)
    return done.type === 'subject.notified'
      ? { outcome: 'DELIVERED', route: String(done.data.route) }
      : { outcome: 'NOT_POSSIBLE' };
  const prepared = await prepareNotification(dataSource, log, request);
  if (prepared.outcome === 'NOT_POSSIBLE') return prepared;
  const route = await deliver(prepared);
  await log.append({
    caseId,
    stepKey,
    actor: 'system',
    type: 'subject.notified',
    data: { agency, route, sentAt: prepared.notification.sentAt },
  });
  return { outcome: 'DELIVERED', route };
}

export async function sendRecordedReferral(
  log: CaseLogStore,
  deliver: (referral: AgencyReferral) => Promise<string>,
  { caseId, agency }: { caseId: string; agency: Agency },
): Promise<{ route: string }> {
  const referral = await referralEntry(log, caseId, agency);
  const { method, level, sharedData, agencyReference } = referral.data as {
    method: string;
    level: string;
    sharedData: Record<string, string>;
    agencyReference: string | null;
  };
  const sentAt = new Date().toISOString();
  return {
    route: await deliver({
      type: 'agency.referral',
      caseId,
      agency,
      method,
      level,
      sharedData,
      agencyReference,
      sentAt,
    }),
  };
}
