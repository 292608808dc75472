import type { TestStack } from './stack';
import type { WebhookReceiver } from './webhook-receiver';

export default async function globalTeardown(): Promise<void> {
  const {
    __E2E_STACK__: stack,
    __E2E_RECEIVER__: receiver,
    __E2E_STAND_INS__: standIns = [],
  } = globalThis as {
    __E2E_STACK__?: TestStack;
    __E2E_RECEIVER__?: WebhookReceiver;
    __E2E_STAND_INS__?: { stop(): Promise<void> }[];
  };
  await stack?.stop();
  await receiver?.stop();
  for (const standIn of standIns) await standIn.stop();
}
