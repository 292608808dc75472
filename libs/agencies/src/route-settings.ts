// Subpaths, not '@sg/config': its index pulls in @nestjs/config (ESM), which unit tests cannot load.
import { durationMs } from '@sg/config/duration';
import { Environment, validateEnvironment } from '@sg/config/environment';
import { Agency } from '@sg/policy';
import type { ContactRoute } from './messages';

/** Every route to a person outside the service, as configured; a route that is absent here does not exist. */
export interface RouteSettings {
  production: boolean;
  platformWebhook?: { url: string; secret: string };
  /** agencies with an electronic route (REFERRAL_WEBHOOK_<AGENCY>), all signed with one secret */
  referralWebhooks: Partial<Record<Agency, string>>;
  referralWebhookSecret: string;
  smtp?: { url: string; from: string };
  notify?: { apiKey: string; baseUrl?: string; subjectTemplateId: string; staffTemplateId: string };
  staffWebhookSecret?: string;
  consoleBaseUrl: string;
  leadUsernames: string[];
  pageAckTimeoutMs: number;
}

const DEVELOPMENT_MAIL_FROM = 'Safeguarding (development) <safeguarding@localhost>';
/** name-<service id>-<secret>: GOV.UK Notify's key format, which its client slices by position. */
const NOTIFY_KEY = /^[\w.-]+-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;

/**
 * What is wrong with the routes' configuration, one line per problem naming the setting. Anywhere: a route that is
 * half configured. In production also: a route that people rely on and that is missing (docs/paging.md).
 */
export function routeProblems(env: Environment): string[] {
  const problems: string[] = [];
  // REFERRAL_WEBHOOK_<AGENCY> and its secret are checked with every other setting (libs/config referral-webhooks.ts).
  const templates = ['NOTIFY_TEMPLATE_SUBJECT_SMS', 'NOTIFY_TEMPLATE_STAFF_SMS'] as const;
  if (env.NOTIFY_API_KEY) {
    if (!NOTIFY_KEY.test(env.NOTIFY_API_KEY))
      problems.push('NOTIFY_API_KEY is not a GOV.UK Notify API key (name-<service id>-<secret>)');
    for (const name of templates.filter((t) => !env[t]))
      problems.push(`${name} is not set: SMS through GOV.UK Notify needs a template id for it`);
  } else {
    for (const name of templates.filter((t) => env[t]))
      problems.push(`${name} is set but NOTIFY_API_KEY is not: SMS needs both`);
  }
  if (env.development) return problems;

  if (!env.PLATFORM_WEBHOOK_URL)
    problems.push('PLATFORM_WEBHOOK_URL is not set: young people are told through the platform (platformMessage)');
  if (!env.SMTP_URL) problems.push('SMTP_URL is not set: pages and staff alerts, and young people, are sent email');
  if (!env.MAIL_FROM) problems.push('MAIL_FROM is not set: every email needs a sender people recognise');
  if (!env.CONSOLE_BASE_URL) problems.push('CONSOLE_BASE_URL is not set: every page links to the case in the console');
  return problems;
}

/** The routes, read from the environment; throws, naming every setting at fault, when they are not usable. */
export function readRouteSettings(raw: NodeJS.ProcessEnv = process.env): RouteSettings {
  const env = validateEnvironment(raw);
  const problems = routeProblems(env);
  if (problems.length) throw new Error(`Refusing to start: routes to people:\n  - ${problems.join('\n  - ')}`);
  return {
    production: !env.development,
    platformWebhook: env.PLATFORM_WEBHOOK_URL
      ? { url: env.PLATFORM_WEBHOOK_URL, secret: env.PLATFORM_WEBHOOK_SECRET! }
      : undefined,
    referralWebhooks: env.referralWebhooks,
    referralWebhookSecret: env.REFERRAL_WEBHOOK_SECRET ?? '',
    smtp: env.SMTP_URL ? { url: env.SMTP_URL, from: env.MAIL_FROM ?? DEVELOPMENT_MAIL_FROM } : undefined,
    notify: env.NOTIFY_API_KEY
      ? {
          apiKey: env.NOTIFY_API_KEY,
          baseUrl: env.NOTIFY_BASE_URL,
          subjectTemplateId: env.NOTIFY_TEMPLATE_SUBJECT_SMS!,
          staffTemplateId: env.NOTIFY_TEMPLATE_STAFF_SMS!,
        }
      : undefined,
    staffWebhookSecret: env.STAFF_WEBHOOK_SECRET,
    consoleBaseUrl: (env.CONSOLE_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    leadUsernames: env.SAFEGUARDING_LEAD_USERNAMES?.split(',') ?? [],
    pageAckTimeoutMs: durationMs(env.PAGE_ACK_TIMEOUT),
  };
}

/** Whether an electronic referral to this agency has somewhere to go. */
export function hasReferralRoute(settings: RouteSettings, agency: string): boolean {
  return Boolean(settings.referralWebhooks[agency as Agency]);
}

/** Whether a young person can be told by this contact route: configured, or (development) the outbox stands in. */
export function canTellBy(settings: RouteSettings, route: ContactRoute): boolean {
  const configured = { platform: settings.platformWebhook, email: settings.smtp, sms: settings.notify }[route];
  return configured !== undefined || !settings.production;
}
