import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { ConfiguredReferralSender, ConfiguredSubjectNotifier, ContactRoute, Outbox, ReferralSender, SubjectNotifier } from '@sg/agencies';
import { CaseLogStore, LogEntry } from '@sg/case-log';
import { deliveryConfig } from '@sg/config';
import { CaseEntity } from '@sg/persistence';
import type { NotificationOutcome, NotificationRequest } from '@sg/workflows/case/case.activities';
import type { Agency } from '@sg/workflows/case/case.types';

/**
 * Deliveries to people outside the service. Each reads what to send from the case log (the single source of
 * truth), skips work a previous attempt already finished, and throws on failure so Temporal retries with backoff.
 */
@Injectable()
export class DeliveryActivities implements OnModuleInit {
  private readonly logger = new Logger(DeliveryActivities.name);
  private readonly log: CaseLogStore;
  private readonly outbox: Outbox;
  private readonly notifier: SubjectNotifier;
  private readonly referrals: ReferralSender;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(deliveryConfig.KEY) private readonly config: ConfigType<typeof deliveryConfig>,
  ) {
    this.log = new CaseLogStore(dataSource);
    this.outbox = new Outbox(dataSource);
    this.notifier = new ConfiguredSubjectNotifier(this.outbox, config.platformWebhook);
    this.referrals = new ConfiguredReferralSender(this.outbox, config.referralWebhooks, config.referralWebhookSecret);
  }

  onModuleInit(): void {
    if (!this.config.platformWebhook) {
      this.logger.warn('PLATFORM_WEBHOOK_URL is not set: notifications for young people go to the development outbox (GET /outbox)');
    }
    const electronic = Object.keys(this.config.referralWebhooks);
    this.logger.log(electronic.length ? `Electronic referral routes: ${electronic.join(', ')}` : 'No electronic referral routes: electronic referrals go to the development outbox (GET /outbox)');
  }

  async notifySubject({ caseId, agency, level, reason }: NotificationRequest): Promise<NotificationOutcome> {
    const stepKey = `subject.notified:${agency}`;
    const done = (await this.log.entryForStep(caseId, stepKey)) ?? (await this.log.entryForStep(caseId, `subject.notification_not_possible:${agency}`));
    if (done) return done.type === 'subject.notified' ? { outcome: 'DELIVERED', route: String(done.data.route) } : { outcome: 'NOT_POSSIBLE' };

    const found = await this.dataSource.getRepository(CaseEntity).findOneOrFail({ where: { id: caseId } });
    const route = contactRoute(found);
    if (!route) {
      await this.log.append({ caseId, stepKey: `subject.notification_not_possible:${agency}`, actor: 'system', type: 'subject.notification_not_possible', data: { agency, reason: 'no contact route' } });
      return { outcome: 'NOT_POSSIBLE' };
    }
    const referral = await this.referralEntry(caseId, agency);
    const sentAt = new Date().toISOString();
    const notification = { type: 'subject.notification' as const, caseId, externalUserId: found.subjectExternalUserId, agency, level, sharedData: referral.data.sharedData as Record<string, string>, reason, sentAt };
    const delivered = await this.notifier.deliver(route, notification, `${caseId}:${agency}`);
    await this.log.append({ caseId, stepKey, actor: 'system', type: 'subject.notified', data: { agency, route: delivered, sentAt } });
    return { outcome: 'DELIVERED', route: delivered };
  }

  async sendReferral({ caseId, agency }: { caseId: string; agency: Agency }): Promise<{ route: string }> {
    const referral = await this.referralEntry(caseId, agency);
    const { method, level, sharedData, agencyReference } = referral.data as { method: string; level: string; sharedData: Record<string, string>; agencyReference: string | null };
    const route = await this.referrals.send({ type: 'agency.referral', caseId, agency, method, level, sharedData, agencyReference, sentAt: new Date().toISOString() }, `${caseId}:referral:${agency}`);
    return { route };
  }

  async notifyStaff({ caseId, role, key, message }: { caseId: string; role: string; key: string; message: string }): Promise<void> {
    await this.outbox.write({ dedupeKey: `${caseId}:staff:${key}`, kind: 'staff.notification', caseId, recipient: role, payload: { caseId, role, message } });
  }

  private async referralEntry(caseId: string, agency: string): Promise<LogEntry> {
    const entry = await this.log.entryForStep(caseId, `referral.recorded:${agency}`);
    if (!entry) throw ApplicationFailure.nonRetryable(`no referral to ${agency} is recorded for case ${caseId}`, 'NO_REFERRAL');
    return entry;
  }
}

/** The young person's contact route, best first. */
function contactRoute(found: CaseEntity): ContactRoute | undefined {
  const contact = found.subjectContact ?? {};
  if (contact.platformMessage) return 'platform';
  if (contact.email) return 'email';
  if (contact.phone) return 'sms';
  return undefined;
}
