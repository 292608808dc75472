import 'reflect-metadata';
import { productionEnvironment } from '@sg/config/testing/production-environment';
import { canTellBy, readRouteSettings } from './route-settings';

/** Development mode (SAFEGUARDING_DEV=1): routes may be missing, and go to the outbox. */
const DB = { DATABASE_URL: 'postgres://localhost/x', SAFEGUARDING_DEV: '1' };
const NOTIFY_KEY = 'live-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0';
const TEMPLATES = {
  NOTIFY_TEMPLATE_SUBJECT_SMS: 'f33517ff-2a88-4f6e-b855-c550268ce08a',
  NOTIFY_TEMPLATE_STAFF_SMS: '0d3d9a4c-4e2f-4b8f-9a87-6d6a0e3e3d11',
};
/** What production needs (docs/paging.md). */
const PRODUCTION = {
  ...productionEnvironment(),
  PLATFORM_WEBHOOK_URL: 'https://platform.example.org/hooks/safeguarding',
  PLATFORM_WEBHOOK_SECRET: 'a-platform-secret-0123',
  SMTP_URL: 'smtps://mailer:pw@mail.example.org:465',
  MAIL_FROM: 'Safeguarding <safeguarding@example.org>',
  CONSOLE_BASE_URL: 'https://safeguarding.example.org/',
};

const refusal = (env: NodeJS.ProcessEnv) => {
  try {
    readRouteSettings(env);
  } catch (error) {
    return (error as Error).message;
  }
  return 'started';
};

describe('route settings: what a service refuses to start with', () => {
  it('production with every route it needs starts, and has no development defaults', () => {
    const settings = readRouteSettings(PRODUCTION);
    expect(settings).toMatchObject({
      production: true,
      smtp: { url: PRODUCTION.SMTP_URL, from: PRODUCTION.MAIL_FROM },
      consoleBaseUrl: 'https://safeguarding.example.org',
      notify: undefined,
    });
  });

  it.each(['PLATFORM_WEBHOOK_URL', 'SMTP_URL', 'MAIL_FROM', 'CONSOLE_BASE_URL'])(
    'production without %s is refused, naming it',
    (name) => {
      const env: NodeJS.ProcessEnv = { ...PRODUCTION, [name]: undefined };
      expect(refusal(env)).toMatch(new RegExp(`Refusing to start[\\s\\S]*- ${name} is not set`));
    },
  );

  it('development needs none of them: the outbox stands in, and mail is from a development sender', () => {
    const settings = readRouteSettings({ ...DB, SMTP_URL: 'smtp://127.0.0.1:2525' });
    expect(settings).toMatchObject({ production: false, consoleBaseUrl: 'http://localhost:3000' });
    expect(settings.smtp?.from).toMatch(/development/);
  });

  it('a half-configured SMS route is refused anywhere, naming what is missing', () => {
    expect(refusal({ ...DB, NOTIFY_API_KEY: NOTIFY_KEY })).toMatch(/NOTIFY_TEMPLATE_SUBJECT_SMS is not set/);
    expect(refusal({ ...DB, NOTIFY_API_KEY: NOTIFY_KEY })).toMatch(/NOTIFY_TEMPLATE_STAFF_SMS is not set/);
    expect(refusal({ ...DB, ...TEMPLATES })).toMatch(/NOTIFY_TEMPLATE_SUBJECT_SMS is set but NOTIFY_API_KEY is not/);
    expect(refusal({ ...DB, ...TEMPLATES, NOTIFY_API_KEY: 'not-a-key' })).toMatch(/NOTIFY_API_KEY is not a GOV.UK/);
    expect(readRouteSettings({ ...DB, ...TEMPLATES, NOTIFY_API_KEY: NOTIFY_KEY }).notify).toMatchObject({
      apiKey: NOTIFY_KEY,
      subjectTemplateId: TEMPLATES.NOTIFY_TEMPLATE_SUBJECT_SMS,
    });
  });

  it('an electronic referral route must name an agency and be signed', () => {
    expect(refusal({ ...DB, REFERRAL_WEBHOOK_SOCAIL_WORKER: 'https://x.example/' })).toMatch(
      /REFERRAL_WEBHOOK_SOCAIL_WORKER: SOCAIL_WORKER is not an agency/,
    );
    expect(refusal({ ...DB, REFERRAL_WEBHOOK_SOCIAL_WORKER: 'https://x.example/' })).toMatch(
      /REFERRAL_WEBHOOK_SECRET is required when a referral route/,
    );
    const settings = readRouteSettings({
      ...DB,
      REFERRAL_WEBHOOK_SOCIAL_WORKER: 'https://x.example/',
      REFERRAL_WEBHOOK_SECRET: 'a-referral-secret-01',
    });
    expect(settings.referralWebhooks).toEqual({ SOCIAL_WORKER: 'https://x.example/' });
  });

  it('production tells a young person only by a configured route; development by any (the outbox)', () => {
    const production = readRouteSettings(PRODUCTION);
    expect(['platform', 'email', 'sms'].map((r) => canTellBy(production, r as never))).toEqual([true, true, false]);
    const development = readRouteSettings(DB);
    expect(['platform', 'email', 'sms'].map((r) => canTellBy(development, r as never))).toEqual([true, true, true]);
  });
});
