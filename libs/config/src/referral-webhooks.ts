import { AGENCIES } from '@sg/policy';

const PREFIX = 'REFERRAL_WEBHOOK_';
const SECRET = 'REFERRAL_WEBHOOK_SECRET';

/**
 * REFERRAL_WEBHOOK_<AGENCY>: each agency's electronic route. A name that is no agency (a typo) is refused rather
 * than ignored: ignoring it would quietly send that agency's referrals to the development outbox.
 */
export function referralWebhooksIn(env: Record<string, string | undefined>): {
  routes: Record<string, string>;
  problems: string[];
} {
  const routes: Record<string, string> = {};
  const problems: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith(PREFIX) || name === SECRET || !value) continue;
    const agency = name.slice(PREFIX.length);
    if (!(AGENCIES as readonly string[]).includes(agency)) {
      problems.push(`${name}: ${agency} is not an agency (one of ${AGENCIES.join(', ')})`);
    } else if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
      problems.push(`${name} must be an http(s) URL`);
    } else routes[agency] = value;
  }
  if (Object.keys(routes).length && !env[SECRET])
    problems.push(`${SECRET} is required when a referral route (${PREFIX}<AGENCY>) is set`);
  return { routes, problems };
}
