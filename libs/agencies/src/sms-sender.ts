import axios, { isAxiosError } from 'axios';
import { NotifyClient } from 'notifications-node-client';
import { PermanentDeliveryError } from './delivery-errors';
import { DeliveryFailedError } from './webhook';

export interface OutgoingSms {
  to: string;
  templateId: string;
  /** the template's one placeholder, ((message)) */
  message: string;
  /** Notify's `reference`: the same on every attempt, so a repeat can be recognised */
  deliveryId: string;
}

/** SMS through GOV.UK Notify's API (NOTIFY_API_KEY; NOTIFY_BASE_URL points it elsewhere, e.g. a test stand-in). */
export class SmsSender {
  private readonly client: NotifyClient;

  constructor(notify: { apiKey: string; baseUrl?: string }) {
    // The client tells its forms apart by how many arguments it was given.
    this.client = notify.baseUrl ? new NotifyClient(notify.baseUrl, notify.apiKey) : new NotifyClient(notify.apiKey);
    this.client.setClient(axios.create({ timeout: 10_000, maxRedirects: 0 }));
  }

  async send(sms: OutgoingSms): Promise<void> {
    try {
      await this.client.sendSms(sms.templateId, sms.to, {
        personalisation: { message: sms.message },
        reference: sms.deliveryId,
      });
    } catch (error) {
      // The status only: the request the error carries holds the number and the message.
      const status = isAxiosError(error) ? error.response?.status : undefined;
      const detail = `SMS through GOV.UK Notify failed: ${status ?? (error as { code?: string }).code ?? 'error'}`;
      // Notify refuses a bad number or template with 400/403; those stay refused however often they are sent.
      if (status === 400 || status === 403) throw new PermanentDeliveryError(detail);
      throw new DeliveryFailedError(detail);
    }
  }
}
