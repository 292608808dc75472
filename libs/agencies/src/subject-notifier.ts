import type { Ledger } from './delivery-ledger';
import { PermanentDeliveryError } from './delivery-errors';
import type { MailSender } from './mail-sender';
import type { ContactRoute, SubjectNotification } from './messages';
import type { Outbox } from './outbox';
import type { SmsSender } from './sms-sender';
import { subjectMessage } from './subject-message';
import { postSignedJson } from './webhook';

/** A prepared notification and, for email and SMS, where it goes. */
export interface SubjectDelivery {
  route: ContactRoute;
  notification: SubjectNotification;
  /** the email address or phone number (the platform knows its own users) */
  to?: string;
}

/** The routes to young people this service has; one that is absent does not exist. */
export interface SubjectRoutes {
  platform?: { url: string; secret: string };
  mail?: Pick<MailSender, 'send'>;
  sms?: { sender: Pick<SmsSender, 'send'>; templateId: string };
  /** development only: stands in for every route that is not configured */
  outbox?: Pick<Outbox, 'write'>;
  ledger: Ledger;
}

const LEDGER_WAIT_MS = 2_000;

/** Delivers one notification to a young person by the route prepared for it; throws when delivery fails. */
export class SubjectNotifier {
  constructor(private readonly routes: SubjectRoutes) {}

  /** The route the log records: platform-webhook, email, sms, or development-outbox. */
  async deliver({ route, notification, to }: SubjectDelivery, deliveryId: string): Promise<string> {
    if (!this.configured(route)) {
      if (!this.routes.outbox) throw new PermanentDeliveryError(`no ${route} route is configured`);
      await this.routes.outbox.write({
        dedupeKey: deliveryId,
        kind: `subject.notification.${route}`,
        caseId: notification.caseId,
        recipient: notification.externalUserId,
        payload: notification,
      });
      return 'development-outbox';
    }
    if (route === 'platform') {
      await postSignedJson(this.routes.platform!.url, this.routes.platform!.secret, notification, deliveryId);
      return 'platform-webhook';
    }
    if (!to) throw new PermanentDeliveryError(`no ${route} address was prepared`);
    const message = subjectMessage(notification);
    await this.once(`subject:${deliveryId}:${route}`, notification.caseId, route, async () => {
      if (route === 'email') await this.routes.mail!.send({ to, ...message, deliveryId });
      else
        await this.routes.sms!.sender.send({
          to,
          templateId: this.routes.sms!.templateId,
          message: message.text,
          deliveryId,
        });
    });
    return route;
  }

  private configured(route: ContactRoute): boolean {
    return Boolean({ platform: this.routes.platform, email: this.routes.mail, sms: this.routes.sms }[route]);
  }

  /**
   * Email and SMS have no receiver that drops a repeat, so the ledger remembers what was sent. It is consulted,
   * not relied on: when the database does not answer at once the message is sent anyway, so a database outage
   * never spends delivery attempts.
   */
  private async once(key: string, caseId: string, route: string, send: () => Promise<void>): Promise<void> {
    const { ledger } = this.routes;
    const claim = await within(ledger.claim(key, { caseId, kind: 'subject.notification', route }), LEDGER_WAIT_MS);
    if (claim?.sent) return;
    await send();
    if (claim) await within(ledger.markSent(claim.id), LEDGER_WAIT_MS);
  }
}

/** The promise's value, or undefined when it fails or takes longer than `ms`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([promise.catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
