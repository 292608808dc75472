import { freePort } from '../scripts/stack/ports';
import { withDb } from './support/db';
import { e2eEnv } from './support/env';
import { API_MAIN, boot, freshDatabase, productionSecrets, WORKER_MAIN } from './support/service-boot';
import { launchStack } from './support/stack';

const EXIT_CONFIGURATION = 78;
const SECRETS = [
  'JWT_SECRET',
  'PLATFORM_API_KEY',
  'DISCLOSURE_FINGERPRINT_KEY',
  'TEMPORAL_PAYLOAD_KEY',
  'LOG_SIGNING_KEY',
];

describe('boot fails closed (issue 10)', () => {
  const someDatabase = () => ({
    DATABASE_URL: e2eEnv().serviceDatabaseUrl.replace(/:[^:@/]+@/, ':not-a-dev-password@'),
  });

  it.each([
    ['API', API_MAIN],
    ['worker', WORKER_MAIN],
  ])('the %s refuses to start without secrets, naming each, even with NODE_ENV=test', async (_name, script) => {
    const { outcome, output } = await boot(script, {
      NODE_ENV: 'test',
      ...someDatabase(),
      PORT: String(await freePort()),
    });
    expect(outcome).toBe(EXIT_CONFIGURATION);
    for (const name of SECRETS) expect(output).toContain(name);
  });

  it.each([
    ['API', API_MAIN],
    ['worker', WORKER_MAIN],
  ])('the %s refuses a referral route with an empty webhook secret', async (_name, script) => {
    const { outcome, output } = await boot(script, {
      ...productionSecrets(),
      ...someDatabase(),
      PORT: String(await freePort()),
      REFERRAL_WEBHOOK_SOCIAL_WORKER: 'https://social-work.example/referrals',
      REFERRAL_WEBHOOK_SECRET: '',
    });
    expect(outcome).toBe(EXIT_CONFIGURATION);
    expect(output).toContain('REFERRAL_WEBHOOK_SECRET is required when a referral route');
  });

  it('the local stack without SAFEGUARDING_DEV=1 stops before starting anything, and says what to set', async () => {
    await expect(launchStack({ env: { SAFEGUARDING_DEV: '0' } })).rejects.toThrow(
      /JWT_SECRET is not set[\s\S]*set SAFEGUARDING_DEV=1/,
    );
  });

  it('the API starts in production on a clean database (no /docs), and refuses once a demo account is active there', async () => {
    const databaseUrl = await freshDatabase();
    const port = await freePort();
    const env = {
      ...productionSecrets(),
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      TEMPORAL_ADDRESS: e2eEnv().temporalAddress,
    };
    const checkProductionAnswers = async (url: string) => {
      const docs = await fetch(`${url}/docs`);
      expect([docs.status, docs.headers.get('cache-control')]).toEqual([404, 'no-store']);
      // Production pins browsers to https, and /docs gets no relaxed policy (issue 12).
      expect(docs.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect(docs.headers.get('content-security-policy')).toContain("style-src 'self';");
    };
    expect((await boot(API_MAIN, env, port, checkProductionAnswers)).outcome).toBe('listening');

    const owner = new URL(e2eEnv().databaseUrl);
    owner.pathname = new URL(databaseUrl).pathname;
    await withDb(owner.toString(), (db) =>
      db.query(
        `INSERT INTO staff_accounts (username, roles, password_hash, created_by) VALUES ('admin.fay', '{admin}', 'x', 'demo')`,
      ),
    );
    const refused = await boot(API_MAIN, env, port);
    expect(refused.outcome).toBe(EXIT_CONFIGURATION);
    expect(refused.output).toContain('active demo accounts (admin.fay)');

    // Disabled, as the message says: the API starts again.
    await withDb(owner.toString(), (db) =>
      db.query(`UPDATE staff_accounts SET disabled_at = now() WHERE created_by = 'demo'`),
    );
    expect((await boot(API_MAIN, env, port)).outcome).toBe('listening');
  });
});
