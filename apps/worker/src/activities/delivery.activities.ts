import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource } from 'typeorm';
import {
  AgencyReferral,
  createRoutes,
  describeRoutes,
  PermanentDeliveryError,
  Routes,
  SubjectDelivery,
} from '@sg/agencies';
import { routesConfig } from '@sg/agencies/routes.config';
import { CaseLogStore } from '@sg/case-log';
import type { NotificationOutcome, NotificationRequest } from '@sg/workflows/case/case.activities';
import type { Agency } from '@sg/workflows/case/case.types';
import type { PageOutcome, PageRequest } from '@sg/workflows/paging/paging.types';
import { notifySubjectInOneStep, sendRecordedReferral } from './legacy-deliveries';

/**
 * Deliveries to people outside the service. Each sends what the workflow prepared and does nothing else, so its
 * limited attempts are spent only on the recipient being unreachable; it throws so Temporal retries with backoff,
 * except when no retry can help (no route, a refused number), which goes straight to an officer.
 * The recipient drops a repeat by its delivery id.
 */
@Injectable()
export class DeliveryActivities implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryActivities.name);
  readonly routes: Routes;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(routesConfig.KEY) private readonly settings: ConfigType<typeof routesConfig>,
  ) {
    this.routes = createRoutes(settings, dataSource);
  }

  onModuleInit(): void {
    for (const line of describeRoutes(this.settings)) this.logger.log(line);
  }

  onApplicationShutdown(): void {
    this.routes.close();
  }

  async deliverNotification(delivery: SubjectDelivery): Promise<string> {
    const { caseId, agency } = delivery.notification;
    return permanentFailuresFinal(() => this.routes.subjects.deliver(delivery, `${caseId}:${agency}`));
  }

  async deliverReferral(referral: AgencyReferral): Promise<string> {
    const deliveryId = `${referral.caseId}:referral:${referral.agency}`;
    return permanentFailuresFinal(() => this.routes.referrals.send(referral, deliveryId));
  }

  /** Tells staff of a role that a case needs them (escalations, re-reviews, check-ins due, failed notifications). */
  async notifyStaff(input: { caseId: string; role: string; key: string; message: string }): Promise<void> {
    const { alerted, missed } = await this.routes.alerts.alert(input);
    if (!alerted.length)
      this.logger.warn(`No ${input.role} could be reached for case ${input.caseId} (${missed.length} tried)`);
  }

  /** Sends one page of the on-call escalation (SPEC §7); the workflow logs the outcome as staff.paged. */
  async pageStaff(request: PageRequest): Promise<PageOutcome> {
    const outcome = await this.routes.pager.page(request);
    if (outcome.nobody) this.logger.warn(`Nobody was paged at level ${request.level} for case ${request.caseId}`);
    return outcome;
  }

  /** Superseded by prepareNotification, deliverNotification and recordStep; kept for cases whose history calls it. */
  async notifySubject(request: NotificationRequest): Promise<NotificationOutcome> {
    const log = new CaseLogStore(this.dataSource);
    return notifySubjectInOneStep(this.dataSource, log, (d) => this.deliverNotification(d), request);
  }

  /** Superseded by deliverReferral; kept for cases whose history calls it. */
  async sendReferral(input: { caseId: string; agency: Agency }): Promise<{ route: string }> {
    return sendRecordedReferral(new CaseLogStore(this.dataSource), (r) => this.deliverReferral(r), input);
  }
}

/** A delivery no retry can make succeed fails at once, so an officer takes over without waiting out the backoff. */
async function permanentFailuresFinal<T>(deliver: () => Promise<T>): Promise<T> {
  try {
    return await deliver();
  } catch (error) {
    if (error instanceof PermanentDeliveryError)
      throw ApplicationFailure.nonRetryable(error.message, 'DELIVERY_NOT_POSSIBLE');
    throw error;
  }
}
