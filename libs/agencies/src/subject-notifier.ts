import { Outbox } from './outbox';
import { postSignedJson } from './webhook';

/** SPEC §3.6: what the platform receives for one referral. */
export interface SubjectNotification {
  type: 'subject.notification';
  caseId: string;
  externalUserId: string;
  agency: string;
  level: string;
  sharedData: Record<string, string>;
  reason: string;
  sentAt: string;
}

export type ContactRoute = 'platform' | 'email' | 'sms';

/** Delivers a notification to the young person by one route; throws when delivery fails. */
export interface SubjectNotifier {
  deliver(route: ContactRoute, notification: SubjectNotification, deliveryId: string): Promise<string>;
}

/** The platform by its webhook when one is configured; everything else to the development outbox. */
export class ConfiguredSubjectNotifier implements SubjectNotifier {
  constructor(
    private readonly outbox: Outbox,
    private readonly platformWebhook?: { url: string; secret: string },
  ) {}

  async deliver(route: ContactRoute, notification: SubjectNotification, deliveryId: string): Promise<string> {
    if (route === 'platform' && this.platformWebhook) {
      await postSignedJson(this.platformWebhook.url, this.platformWebhook.secret, notification, deliveryId);
      return 'platform-webhook';
    }
    await this.outbox.write({ dedupeKey: deliveryId, kind: `subject.notification.${route}`, caseId: notification.caseId, recipient: notification.externalUserId, payload: notification });
    return `outbox:${route}`;
  }
}
