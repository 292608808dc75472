import { signBody } from './signature';

const TIMEOUT_MS = 10_000;

export class DeliveryFailedError extends Error {}

/**
 * POSTs signed JSON. Throws on a network error or a non-2xx answer so the caller's retry policy takes over;
 * `deliveryId` stays the same across retries so the receiver can drop a duplicate.
 */
export async function postSignedJson(url: string, secret: string, payload: object, deliveryId: string): Promise<void> {
  const body = JSON.stringify(payload);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-signature': signBody(secret, body),
        'x-delivery-id': deliveryId,
      },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new DeliveryFailedError(`delivery to ${new URL(url).host} failed: ${(error as Error).name}`);
  }
  await response.arrayBuffer(); // drain, so the connection can be reused
  if (!response.ok) throw new DeliveryFailedError(`delivery to ${new URL(url).host} answered ${response.status}`);
}
