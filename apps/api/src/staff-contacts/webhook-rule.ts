/** Why a staff webhook cannot be registered here, or undefined when it can. */
export function webhookProblem(
  url: string,
  routes: { staffWebhookSecret?: string; production: boolean },
): string | undefined {
  if (!routes.staffWebhookSecret) return 'Pages to webhooks are not set up here (STAFF_WEBHOOK_SECRET)';
  if (routes.production && !url.startsWith('https://'))
    return 'webhookUrl must be https: pages travel over the internet';
  return undefined;
}
