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

/** A test stack's environment: second-long timings, and deliveries to the stand-in platform and agencies. */
export function testStackEnv(receiver: WebhookReceiver): NodeJS.ProcessEnv {
  return {
    ...E2E_TIMINGS,
    PLATFORM_WEBHOOK_URL: `${receiver.url}/platform`,
    PLATFORM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    REFERRAL_WEBHOOK_SOCIAL_WORKER: `${receiver.url}/agency/SOCIAL_WORKER`,
    REFERRAL_WEBHOOK_SECRET: WEBHOOK_SECRET,
  };
}

export default async function globalSetup(): Promise<void> {
  const receiver = new WebhookReceiver();
  await receiver.start();
  const stack = await launchStack({ env: testStackEnv(receiver) });
  process.env.E2E_API_URL = stack.apiUrl;
  process.env.E2E_WORKER_URL = stack.workerUrl;
  process.env.E2E_DATABASE_URL = stack.databaseUrl;
  process.env.E2E_SERVICE_DATABASE_URL = stack.serviceDatabaseUrl;
  process.env.E2E_TEMPORAL_ADDRESS = stack.temporalAddress;
  process.env.E2E_RECEIVER_URL = receiver.url;
  Object.assign(globalThis, { __E2E_STACK__: stack, __E2E_RECEIVER__: receiver });
}
