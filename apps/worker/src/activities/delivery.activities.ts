import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { DataSource } from 'typeorm';
import {
  AgencyReferral,
  ConfiguredReferralSender,
  ConfiguredSubjectNotifier,
  ContactRoute,
  Outbox,
  ReferralSender,
  SubjectNotification,
  SubjectNotifier,
} from '@sg/agencies';
import { CaseLogStore } from '@sg/case-log';
import { deliveryConfig } from '@sg/config';
import type { NotificationOutcome, NotificationRequest } from '@sg/workflows/case/case.activities';
import type { Agency } from '@sg/workflows/case/case.types';
import { prepareNotification, referralEntry } from './notification-preparation';

/**
 * Deliveries to people outside the service. Each sends what the workflow prepared and does nothing else, so its
 * limited attempts are spent only on the recipient being unreachable; it throws so Temporal retries with backoff.
 * The recipient drops a repeat by its delivery id.
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
      this.logger.warn(
        'PLATFORM_WEBHOOK_URL is not set: notifications for young people go to the development outbox (GET /outbox)',
      );
    }
    const electronic = Object.keys(this.config.referralWebhooks);
    this.logger.log(
      electronic.length
        ? `Electronic referral routes: ${electronic.join(', ')}`
        : 'No electronic referral routes: electronic referrals go to the development outbox (GET /outbox)',
    );
  }

  async deliverNotification({
    route,
    notification,
  }: {
    route: ContactRoute;
    notification: SubjectNotification;
  }): Promise<string> {
    return this.notifier.deliver(route, notification, `${notification.caseId}:${notification.agency}`);
  }

  async deliverReferral(referral: AgencyReferral): Promise<string> {
    return this.referrals.send(referral, `${referral.caseId}:referral:${referral.agency}`);
  }

  async notifyStaff({
    caseId,
    role,
    key,
    message,
  }: {
    caseId: string;
    role: string;
    key: string;
    message: string;
  }): Promise<void> {
    await this.outbox.write({
      dedupeKey: `${caseId}:staff:${key}`,
      kind: 'staff.notification',
      caseId,
      recipient: role,
      payload: { caseId, role, message },
    });
  }

  /** Superseded by prepareNotification, deliverNotification and recordStep; kept for cases whose history calls it. */
  async notifySubject(request: NotificationRequest): Promise<NotificationOutcome> {
    const { caseId, agency } = request;
    const stepKey = `subject.notified:${agency}`;
    const done =
      (await this.log.entryForStep(caseId, stepKey)) ??
      (await this.log.entryForStep(caseId, `subject.notification_not_possible:${agency}`));
    if (done)
      return done.type === 'subject.notified'
        ? { outcome: 'DELIVERED', route: String(done.data.route) }
        : { outcome: 'NOT_POSSIBLE' };
    const prepared = await prepareNotification(this.dataSource, this.log, request);
    if (prepared.outcome === 'NOT_POSSIBLE') return prepared;
    const route = await this.deliverNotification(prepared);
    await this.log.append({
      caseId,
      stepKey,
      actor: 'system',
      type: 'subject.notified',
      data: { agency, route, sentAt: prepared.notification.sentAt },
    });
    return { outcome: 'DELIVERED', route };
  }

  /** Superseded by deliverReferral; kept for cases whose history calls it. */
  async sendReferral({ caseId, agency }: { caseId: string; agency: Agency }): Promise<{ route: string }> {
    const referral = await referralEntry(this.log, caseId, agency);
    const { method, level, sharedData, agencyReference } = referral.data as {
      method: string;
      level: string;
      sharedData: Record<string, string>;
      agencyReference: string | null;
    };
    return {
      route: await this.deliverReferral({
        type: 'agency.referral',
        caseId,
        agency,
        method,
        level,
        sharedData,
        agencyReference,
        sentAt: new Date().toISOString(),
      }),
    };
  }
}
