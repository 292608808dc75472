import { ApplicationFailure } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { canTellBy, ContactRoute, readRouteSettings, RouteSettings } from '@sg/agencies';
import { CaseLogStore, LogEntry } from '@sg/case-log';
import type { CaseEntity } from '@sg/persistence';
import type { NotificationRequest, PreparedNotification } from '@sg/workflows/case/case.activities';
import type { CaseLedgerTx } from './case-ledger';
import { TypeOrmCaseLedger } from './case-ledger.typeorm';

let configured: RouteSettings | undefined;
/** Whether this worker can tell a young person by `route`: its routes, checked at boot (routesConfig). */
export function configuredRoute(route: ContactRoute): boolean {
  return canTellBy((configured ??= readRouteSettings(process.env)), route);
}

/**
 * Reads what the young person is to be told about one referral (exactly what was shared, from the log) and by which
 * route: the best of their contact routes that this service can use. When there is none, logs that they cannot be
 * told and why, and opens an officer task to tell them another way, in the caller's transaction.
 */
export async function prepareNotificationIn(
  tx: CaseLedgerTx,
  { caseId, agency, level, reason }: NotificationRequest,
  canTell: (route: ContactRoute) => boolean,
): Promise<PreparedNotification> {
  const found = await tx.findCase(caseId);
  if (!found) throw ApplicationFailure.nonRetryable(`case ${caseId} does not exist`, 'CASE_NOT_FOUND');
  const contacts = contactRoutes(found);
  const route = contacts.find((c) => canTell(c.route));
  if (!route) {
    const why = contacts.length
      ? `${contacts.map((c) => c.route).join(' and ')} ${contacts.length > 1 ? 'are' : 'is'} not configured`
      : 'no contact route';
    await recordNotPossible(tx, caseId, agency, why);
    return { outcome: 'NOT_POSSIBLE', agency };
  }
  const referral = await tx.entryForStep(caseId, `referral.recorded:${agency}`);
  if (!referral) throw noReferral(caseId, agency);
  return {
    outcome: 'SEND',
    agency,
    route: route.route,
    ...(route.to ? { to: route.to } : {}),
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

async function recordNotPossible(tx: CaseLedgerTx, caseId: string, agency: string, reason: string): Promise<void> {
  const { created } = await tx.append({
    caseId,
    stepKey: `subject.notification_not_possible:${agency}`,
    actor: 'system',
    type: 'subject.notification_not_possible',
    data: { agency, reason },
  });
  if (!created) return;
  await tx.openTask(caseId, {
    key: `notification-not-possible:${agency}`,
    kind: 'NOTIFICATION_NOT_POSSIBLE',
    role: 'officer',
    description: `Tell the young person about the referral to ${agency} another way: ${reason}`,
  });
}

/** The same in a transaction of its own, for cases from before `case-workflow-v2` (legacy activities). */
export function prepareNotification(
  dataSource: DataSource,
  _log: CaseLogStore,
  request: NotificationRequest,
): Promise<PreparedNotification> {
  return new TypeOrmCaseLedger(dataSource).transaction((tx) => prepareNotificationIn(tx, request, configuredRoute));
}

export async function referralEntry(log: CaseLogStore, caseId: string, agency: string): Promise<LogEntry> {
  const entry = await log.entryForStep(caseId, `referral.recorded:${agency}`);
  if (!entry) throw noReferral(caseId, agency);
  return entry;
}

const noReferral = (caseId: string, agency: string) =>
  ApplicationFailure.nonRetryable(`no referral to ${agency} is recorded for case ${caseId}`, 'NO_REFERRAL');

/** The young person's contact routes, best first, with the address an email or SMS goes to. */
function contactRoutes(found: CaseEntity): { route: ContactRoute; to?: string }[] {
  const contact = found.subjectContact ?? {};
  const routes: { route: ContactRoute; to?: string }[] = [];
  if (contact.platformMessage) routes.push({ route: 'platform' });
  if (contact.email) routes.push({ route: 'email', to: contact.email });
  if (contact.phone) routes.push({ route: 'sms', to: contact.phone });
  return routes;
}
