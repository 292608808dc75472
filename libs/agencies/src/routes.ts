import { DataSource } from 'typeorm';
import { DeliveryLedger } from './delivery-ledger';
import { MailSender } from './mail-sender';
import { Outbox } from './outbox';
import { ConfiguredReferralSender, ReferralSender } from './referral-sender';
import type { RouteSettings } from './route-settings';
import { SmsSender } from './sms-sender';
import { StaffAlerts } from './staff/staff-alerts';
import { SqlStaffDirectory } from './staff/staff-directory';
import { StaffMessenger } from './staff/staff-messenger';
import { StaffPager } from './staff/staff-pager';
import { SubjectNotifier } from './subject-notifier';

/** Everything that sends to people outside the service, built from the configured routes. */
export interface Routes {
  subjects: SubjectNotifier;
  referrals: ReferralSender;
  pager: StaffPager;
  alerts: StaffAlerts;
  close(): void;
}

/** Production has no outbox: a route that is not configured is refused, never parked in a development table. */
export function createRoutes(settings: RouteSettings, dataSource: DataSource, clock?: () => Date): Routes {
  const ledger = new DeliveryLedger(dataSource);
  const outbox = settings.production ? undefined : new Outbox(dataSource);
  const mail = settings.smtp ? new MailSender(settings.smtp) : undefined;
  const smsSender = settings.notify ? new SmsSender(settings.notify) : undefined;
  const directory = new SqlStaffDirectory(dataSource);
  const messenger = new StaffMessenger(ledger, {
    mail,
    sms: smsSender && { sender: smsSender, templateId: settings.notify!.staffTemplateId },
    webhookSecret: settings.staffWebhookSecret,
    outbox,
  });
  return {
    subjects: new SubjectNotifier({
      platform: settings.platformWebhook,
      mail,
      sms: smsSender && { sender: smsSender, templateId: settings.notify!.subjectTemplateId },
      outbox,
      ledger,
    }),
    referrals: new ConfiguredReferralSender(settings.referralWebhooks, settings.referralWebhookSecret),
    pager: new StaffPager(directory, messenger, settings, clock),
    alerts: new StaffAlerts(directory, messenger, settings.consoleBaseUrl, outbox, clock),
    close: () => mail?.close(),
  };
}
