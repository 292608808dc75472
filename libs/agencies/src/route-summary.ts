import type { RouteSettings } from './route-settings';

/** What a service says at boot about its routes: names only, never a URL (an SMTP URL can carry a password). */
export function describeRoutes(settings: RouteSettings): string[] {
  const subject = [
    settings.platformWebhook && 'the platform',
    settings.smtp && 'email',
    settings.notify && 'SMS (GOV.UK Notify)',
  ].filter(Boolean);
  const staff = [settings.smtp && 'email', settings.notify && 'SMS', settings.staffWebhookSecret && 'webhook'].filter(
    Boolean,
  );
  const agencies = Object.keys(settings.referralWebhooks);
  const lines = [
    `Young people are told through: ${subject.join(', ') || 'no configured route'}`,
    `Staff are paged and alerted by: ${staff.join(', ') || 'no configured route'}`,
    agencies.length
      ? `Electronic referral routes: ${agencies.join(', ')}`
      : 'No electronic referral routes: electronic referrals are refused; record phone referrals',
  ];
  if (!settings.production)
    lines.push('Development: whatever has no configured route goes to the development outbox (GET /outbox)');
  return lines;
}
