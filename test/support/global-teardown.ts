import type { TestStack } from './stack';
import type { WebhookReceiver } from './webhook-receiver';

export default async function globalTeardown(): Promise<void> {
  const { __E2E_STACK__: stack, __E2E_RECEIVER__: receiver } = globalThis as {
    __E2E_STACK__?: TestStack;
    __E2E_RECEIVER__?: WebhookReceiver;
  };
  await stack?.stop();
  await receiver?.stop();
}
