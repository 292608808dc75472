import { createTransport } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { DeliveryFailedError } from './webhook';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** the same on every attempt: the Message-ID, so a mail system can drop a repeat */
  deliveryId: string;
}

/** Email over SMTP (SMTP_URL, MAIL_FROM), through nodemailer's pooled transport. */
export class MailSender {
  private readonly transport: Mail;
  private readonly domain: string;

  constructor(smtp: { url: string; from: string }) {
    this.transport = createTransport(
      { url: smtp.url, pool: true, maxConnections: 5, connectionTimeout: 10_000, greetingTimeout: 10_000 },
      { from: smtp.from },
    );
    this.domain = /@([^>\s]+)>?\s*$/.exec(smtp.from)?.[1] ?? 'localhost';
  }

  async send(mail: OutgoingMail): Promise<void> {
    try {
      await this.transport.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: `<${mail.deliveryId.replace(/[^\w.-]/g, '.')}@${this.domain}>`,
        headers: { 'X-Delivery-Id': mail.deliveryId },
      });
    } catch (error) {
      // The code only: nodemailer's message can quote the recipient's address.
      throw new DeliveryFailedError(`email failed: ${(error as { code?: string }).code ?? (error as Error).name}`);
    }
  }

  close(): void {
    this.transport.close();
  }
}
