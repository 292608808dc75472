import { signatureHeaders } from './signature';

const TIMEOUT_MS = 10_000;

export class DeliveryFailedError extends Error {}

/**
 * POSTs signed JSON (docs/webhooks.md). Throws on a network error or a non-2xx answer (a 3xx redirect included,
 * which is never followed) so the caller's retry policy takes over;
 * `deliveryId` stays the same across retries so the receiver can drop a duplicate.
 */
export async function postSignedJson(url: string, secret: string, payload: object, deliveryId: string): Promise<void> {
  const body = JSON.stringify(payload);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signatureHeaders(secret, body), 'x-delivery-id': deliveryId },
      body,
      // A redirect is an answer from somewhere else: never follow it with the young person's data.
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new DeliveryFailedError(`delivery to ${new URL(url).host} failed: ${(error as Error).name}`);
  }
  await response.arrayBuffer(); // drain, so the connection can be reused
  if (!response.ok) throw new DeliveryFailedError(`delivery to ${new URL(url).host} answered ${response.status}`);
}
