import { startMailCatcher } from '../../scripts/stack/mail-catcher';
import { NOTIFY_API_KEY, NOTIFY_TEMPLATES, NotifyStandIn } from './notify-stand-in';
import { launchStack } from './stack';
import { WEBHOOK_SECRET, WebhookReceiver } from './webhook-receiver';

/**
 * One stack for the end-to-end suite, with second-long delays so whole lifecycles run in seconds, and a
 * local receiver standing in for the platform and the social worker's electronic referral route.
 * Test files read where everything is from the environment.
 */
export const E2E_TIMINGS = {
  REVIEW_DEADLINE_EMERGENCY: 'PT4S',
  REVIEW_DEADLINE_NON_EMERGENCY: 'PT4S',
  REVIEW_DEADLINE_NONE: 'PT4S',
  CHECK_IN_DELAY: 'PT2S',
  FEEDBACK_REQUEST_DELAY: 'PT2S',
  FEEDBACK_WAIT: 'PT3S',
  DELIVERY_RETRY_INITIAL: 'PT0.2S',
  DELIVERY_RETRY_MAX_INTERVAL: 'PT0.5S',
  DELIVERY_MAX_ATTEMPTS: '4',
};

/** Where email and SMS go in a test stack: an SMTP server and a GOV.UK Notify stand-in, in the test process. */
export interface MailAndSms {
  smtpUrl: string;
  notifyUrl: string;
}

/**
 * A test stack's environment: second-long timings, and deliveries to the stand-in platform and agencies (care
 * professionals and social workers have electronic routes; 999 and 101 are phoned), staff webhooks signed with
 * the receiver's secret, and, when given, email and SMS to their stand-ins.
 */
export function testStackEnv(receiver: WebhookReceiver, mailAndSms?: MailAndSms): NodeJS.ProcessEnv {
  return {
    ...E2E_TIMINGS,
    PLATFORM_WEBHOOK_URL: `${receiver.url}/platform`,
    PLATFORM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    REFERRAL_WEBHOOK_SOCIAL_WORKER: `${receiver.url}/agency/SOCIAL_WORKER`,
    REFERRAL_WEBHOOK_CARE_PROFESSIONAL: `${receiver.url}/agency/CARE_PROFESSIONAL`,
    REFERRAL_WEBHOOK_SECRET: WEBHOOK_SECRET,
    // Sign-in: tests may stand in for clients behind a proxy (X-Forwarded-For from loopback), and the suite's
    // thousands of deliberately failed logins from 127.0.0.1 (the bad-input sweep) must not shut that address out.
    TRUST_PROXY: 'loopback',
    LOGIN_ADDRESS_MAX_FAILURES: '1000000',
    // The bad-input sweep mints thousands of subject tokens; the limits are tested on their own (per-minute-limit).
    SUBJECT_TOKENS_PER_MINUTE: '1000000',
    STAFF_WEBHOOK_SECRET: WEBHOOK_SECRET,
    ...(mailAndSms && {
      SMTP_URL: mailAndSms.smtpUrl,
      MAIL_FROM: 'Safeguarding (test) <safeguarding@test.invalid>',
      NOTIFY_API_KEY,
      NOTIFY_BASE_URL: mailAndSms.notifyUrl,
      ...NOTIFY_TEMPLATES,
    }),
  };
}

export default async function globalSetup(): Promise<void> {
  const receiver = new WebhookReceiver();
  await receiver.start();
  const mail = await startMailCatcher();
  const notify = new NotifyStandIn();
  await notify.start();
  const stack = await launchStack({ env: testStackEnv(receiver, { smtpUrl: mail.smtpUrl, notifyUrl: notify.url }) });
  process.env.E2E_API_URL = stack.apiUrl;
  process.env.E2E_WORKER_URL = stack.workerUrl;
  process.env.E2E_DATABASE_URL = stack.databaseUrl;
  process.env.E2E_SERVICE_DATABASE_URL = stack.serviceDatabaseUrl;
  process.env.E2E_TEMPORAL_ADDRESS = stack.temporalAddress;
  process.env.E2E_RECEIVER_URL = receiver.url;
  process.env.E2E_MAIL_URL = mail.viewerUrl;
  process.env.E2E_NOTIFY_URL = notify.url;
  Object.assign(globalThis, { __E2E_STACK__: stack, __E2E_RECEIVER__: receiver, __E2E_STAND_INS__: [mail, notify] });
}
