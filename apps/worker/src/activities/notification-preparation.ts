import { ApplicationFailure } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { ContactRoute } from '@sg/agencies';
import { CaseLogStore, LogEntry } from '@sg/case-log';
import { CaseEntity } from '@sg/persistence';
import type { NotificationRequest, PreparedNotification } from '@sg/workflows/case/case.activities';

/**
 * Reads what the young person is to be told about one referral (exactly what was shared, from the log) and by
 * which route. With no route at all, logs that they cannot be told, so an officer sees it.
 */
export async function prepareNotification(
  dataSource: DataSource,
  log: CaseLogStore,
  { caseId, agency, level, reason }: NotificationRequest,
): Promise<PreparedNotification> {
  const found = await dataSource.getRepository(CaseEntity).findOneOrFail({ where: { id: caseId } });
  const route = contactRoute(found);
  if (!route) {
    await log.append({
      caseId,
      stepKey: `subject.notification_not_possible:${agency}`,
      actor: 'system',
      type: 'subject.notification_not_possible',
      data: { agency, reason: 'no contact route' },
    });
    return { outcome: 'NOT_POSSIBLE' };
  }
  const referral = await referralEntry(log, caseId, agency);
  const sharedData = referral.data.sharedData as Record<string, string>;
  return {
    outcome: 'SEND',
    route,
    notification: {
      type: 'subject.notification',
      caseId,
      externalUserId: found.subjectExternalUserId,
      agency,
      level,
      sharedData,
      reason,
      sentAt: new Date().toISOString(),
    },
  };
}

export async function referralEntry(log: CaseLogStore, caseId: string, agency: string): Promise<LogEntry> {
  const entry = await log.entryForStep(caseId, `referral.recorded:${agency}`);
  if (!entry)
    throw ApplicationFailure.nonRetryable(`no referral to ${agency} is recorded for case ${caseId}`, 'NO_REFERRAL');
  return entry;
}

/** The young person's contact route, best first. */
function contactRoute(found: CaseEntity): ContactRoute | undefined {
  const contact = found.subjectContact ?? {};
  if (contact.platformMessage) return 'platform';
  if (contact.email) return 'email';
  if (contact.phone) return 'sms';
  return undefined;
}
