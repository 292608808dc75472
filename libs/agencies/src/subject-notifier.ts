import { Outbox } from './outbox';
import type { ContactRoute, SubjectNotification } from './messages';
import { postSignedJson } from './webhook';

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
    await this.outbox.write({
      dedupeKey: deliveryId,
      kind: `subject.notification.${route}`,
      caseId: notification.caseId,
      recipient: notification.externalUserId,
      payload: notification,
    });
    return `outbox:${route}`;
  }
}
