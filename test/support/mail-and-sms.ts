import type { CaughtMail } from '../../scripts/stack/mail-catcher';
import type { NotifyRequest } from './notify-stand-in';

/** What the suite's SMTP server and Notify stand-in received (they run in global-setup's process). */
function standIn(name: 'E2E_MAIL_URL' | 'E2E_NOTIFY_URL'): string {
  const url = process.env[name];
  if (!url) throw new Error(`${name} is not set: global-setup did not start the mail and SMS stand-ins`);
  return url;
}

export async function mailTo(address: string): Promise<CaughtMail[]> {
  return (await (
    await fetch(`${standIn('E2E_MAIL_URL')}/messages?to=${encodeURIComponent(address)}`)
  ).json()) as CaughtMail[];
}

/** SMS requests whose reference (the delivery id) starts with `prefix`, e.g. the case id. */
export async function smsWithReference(prefix: string): Promise<NotifyRequest[]> {
  return (await (
    await fetch(`${standIn('E2E_NOTIFY_URL')}/received?reference=${encodeURIComponent(prefix)}`)
  ).json()) as NotifyRequest[];
}
