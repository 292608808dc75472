import { ApplicationFailure } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { ContactRoute } from '@sg/agencies';
import { CaseLogStore, LogEntry } from '@sg/case-log';
import { CaseEntity } from '@sg/persistence';
import type { NotificationRequest, PreparedNotification } from '@sg/workflows/case/case.activities';
import type { CaseLedgerTx } from './case-ledger';
import { TypeOrmCaseLedger } from './case-ledger.typeorm';

/**
 * Reads what the young person is to be told about one referral (exactly what was shared, from the log) and by which
 * route. With no route at all, logs that they cannot be told, so an officer sees it.
 */
export async function prepareNotificationIn(
  tx: CaseLedgerTx,
  { caseId, agency, level, reason }: NotificationRequest,
): Promise<PreparedNotification> {
  const found = await tx.findCase(caseId);
  if (!found) throw ApplicationFailure.nonRetryable(`case ${caseId} does not exist`, 'CASE_NOT_FOUND');
  const route = contactRoute(found);
  if (!route) {
    await tx.append({
      caseId,
      stepKey: `subject.notification_not_possible:${agency}`,
      actor: 'system',
      type: 'subject.notification_not_possible',
      data: { agency, reason: 'no contact route' },
    });
    return { outcome: 'NOT_POSSIBLE', agency };
  }
  const referral = await tx.entryForStep(caseId, `referral.recorded:${agency}`);
  if (!referral) throw noReferral(caseId, agency);
  return {
    outcome: 'SEND',
    agency,
    route,
    notification: {
      type: 'subject.notification',
      caseId,
      externalUserId: found.subjectExternalUserId,
      agency,
      level,
      sharedData: referral.data.sharedData as Record<string, string>,
      reason,
      sentAt: new Date().toISOString(),
    },
  };
}

/** The same in a transaction of its own, for cases from before `case-workflow-v2` (legacy activities). */
export function prepareNotification(
  dataSource: DataSource,
  _log: CaseLogStore,
  request: NotificationRequest,
): Promise<PreparedNotification> {
  return new TypeOrmCaseLedger(dataSource).transaction((tx) => prepareNotificationIn(tx, request));
}

export async function referralEntry(log: CaseLogStore, caseId: string, agency: string): Promise<LogEntry> {
  const entry = await log.entryForStep(caseId, `referral.recorded:${agency}`);
  if (!entry) throw noReferral(caseId, agency);
  return entry;
}

const noReferral = (caseId: string, agency: string) =>
  ApplicationFailure.nonRetryable(`no referral to ${agency} is recorded for case ${caseId}`, 'NO_REFERRAL');

/** The young person's contact route, best first. */
function contactRoute(found: CaseEntity): ContactRoute | undefined {
  const contact = found.subjectContact ?? {};
  if (contact.platformMessage) return 'platform';
  if (contact.email) return 'email';
  if (contact.phone) return 'sms';
  return undefined;
}
