import type { StaffRoute } from '@sg/workflows/paging/paging.types';
import type { Ledger } from '../delivery-ledger';
import type { MailSender } from '../mail-sender';
import type { Outbox } from '../outbox';
import type { SmsSender } from '../sms-sender';
import { DeliveryFailedError, postSignedJson } from '../webhook';
import type { StaffMessage } from './staff-message';
import type { StaffContacts, StaffMember } from './staff-directory';

/** The routes to staff this service has; one that is absent is not used, whatever a person's contacts say. */
export interface StaffRoutes {
  mail?: Pick<MailSender, 'send'>;
  sms?: { sender: Pick<SmsSender, 'send'>; templateId: string };
  webhookSecret?: string;
  /** development only: a person with no usable route is "reached" here, and the log says so */
  outbox?: Pick<Outbox, 'write'>;
}

export interface StaffReach {
  username: string;
  /** routes the message went by (now, or by an earlier attempt with the same key) */
  routes: StaffRoute[];
  /** routes that failed just now */
  failed: StaffRoute[];
}

/** Sends one message to one person by each route they have, once per (key, person, route). */
export class StaffMessenger {
  constructor(
    private readonly ledger: Ledger,
    private readonly routes: StaffRoutes,
  ) {}

  usableRoutes(contacts: StaffContacts): StaffRoute[] {
    const usable: StaffRoute[] = [];
    if (contacts.email && this.routes.mail) usable.push('email');
    if (contacts.phone && this.routes.sms) usable.push('sms');
    if (contacts.webhookUrl && this.routes.webhookSecret) usable.push('webhook');
    return usable;
  }

  async reach(person: StaffMember, message: StaffMessage, key: string, outboxFallback: boolean): Promise<StaffReach> {
    const reach: StaffReach = { username: person.username, routes: [], failed: [] };
    const usable = this.usableRoutes(person.contacts);
    if (!usable.length) {
      if (outboxFallback && this.routes.outbox) {
        await this.routes.outbox.write({
          dedupeKey: `${key}:${person.username}`,
          kind: message.kind,
          caseId: message.caseId,
          recipient: person.username,
          payload: message.body,
        });
        reach.routes.push('development-outbox');
      }
      return reach;
    }
    for (const route of usable) {
      const claim = await this.ledger.claim(`${key}:${person.username}:${route}`, {
        caseId: message.caseId,
        kind: message.kind,
        username: person.username,
        route,
      });
      try {
        if (!claim.sent) {
          await this.send(route, person.contacts, message, claim.id);
          await this.ledger.markSent(claim.id);
        }
        reach.routes.push(route);
      } catch (error) {
        if (!(error instanceof DeliveryFailedError)) throw error;
        reach.failed.push(route);
      }
    }
    return reach;
  }

  private async send(route: StaffRoute, contacts: StaffContacts, message: StaffMessage, id: string): Promise<void> {
    if (route === 'email')
      return this.routes.mail!.send({
        to: contacts.email!,
        subject: message.subject,
        text: message.text,
        deliveryId: id,
      });
    if (route === 'sms') {
      const { sender, templateId } = this.routes.sms!;
      return sender.send({ to: contacts.phone!, templateId, message: message.text, deliveryId: id });
    }
    return postSignedJson(contacts.webhookUrl!, this.routes.webhookSecret!, message.body, id);
  }
}
