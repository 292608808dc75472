import { ApplicationFailure } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { canTellBy, ContactRoute, readRouteSettings, RouteSettings } from '@sg/agencies';
import { CaseLogStore, LogEntry } from '@sg/case-log';
import { CaseEntity } from '@sg/persistence';
import type { NotificationRequest, PreparedNotification } from '@sg/workflows/case/case.activities';

/** A prepared notification, with the address an email or SMS goes to (it travels encrypted, like the rest). */
export type PreparedDelivery = PreparedNotification & { to?: string };

let configured: RouteSettings | undefined;
/** The worker's routes, checked at boot (routesConfig); read here so the bookkeeping activity's caller need not. */
function configuredRoutes(): RouteSettings {
  return (configured ??= readRouteSettings(process.env));
}

/**
 * Reads what the young person is to be told about one referral (exactly what was shared, from the log) and by
 * which route: the best of their contact routes that this service can use. When there is none, logs that they
 * cannot be told and why, and opens an officer task to tell them another way, in one transaction.
 */
export async function prepareNotification(
  dataSource: DataSource,
  log: CaseLogStore,
  { caseId, agency, level, reason }: NotificationRequest,
  routes: RouteSettings = configuredRoutes(),
): Promise<PreparedDelivery> {
  const found = await dataSource.getRepository(CaseEntity).findOneOrFail({ where: { id: caseId } });
  const contacts = contactRoutes(found);
  const route = contacts.find((c) => canTellBy(routes, c.route));
  if (!route) {
    const why = contacts.length
      ? `${contacts.map((c) => c.route).join(' and ')} ${contacts.length > 1 ? 'are' : 'is'} not configured`
      : 'no contact route';
    await recordNotPossible(dataSource, log, caseId, agency, why);
    return { outcome: 'NOT_POSSIBLE' };
  }
  const referral = await referralEntry(log, caseId, agency);
  const sharedData = referral.data.sharedData as Record<string, string>;
  return {
    outcome: 'SEND',
    route: route.route,
    ...(route.to ? { to: route.to } : {}),
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

async function recordNotPossible(
  dataSource: DataSource,
  log: CaseLogStore,
  caseId: string,
  agency: string,
  reason: string,
): Promise<void> {
  await dataSource.transaction(async (tx) => {
    const { created } = await log.append(
      {
        caseId,
        stepKey: `subject.notification_not_possible:${agency}`,
        actor: 'system',
        type: 'subject.notification_not_possible',
        data: { agency, reason },
      },
      tx,
    );
    if (!created) return;
    await tx.query(
      `INSERT INTO case_tasks (case_id, task_key, kind, role, description) VALUES ($1, $2, 'NOTIFICATION_NOT_POSSIBLE', 'officer', $3)
       ON CONFLICT (case_id, task_key) DO NOTHING`,
      [
        caseId,
        `notification-not-possible:${agency}`,
        `Tell the young person about the referral to ${agency} another way: ${reason}`,
      ],
    );
  });
}

export async function referralEntry(log: CaseLogStore, caseId: string, agency: string): Promise<LogEntry> {
  const entry = await log.entryForStep(caseId, `referral.recorded:${agency}`);
  if (!entry)
    throw ApplicationFailure.nonRetryable(`no referral to ${agency} is recorded for case ${caseId}`, 'NO_REFERRAL');
  return entry;
}

/** The young person's contact routes, best first. */
function contactRoutes(found: CaseEntity): { route: ContactRoute; to?: string }[] {
  const contact = found.subjectContact ?? {};
  const routes: { route: ContactRoute; to?: string }[] = [];
  if (contact.platformMessage) routes.push({ route: 'platform' });
  if (contact.email) routes.push({ route: 'email', to: contact.email });
  if (contact.phone) routes.push({ route: 'sms', to: contact.phone });
  return routes;
}
