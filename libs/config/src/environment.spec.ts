import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from './configuration-error';
import { DEVELOPMENT_SECRETS } from './development-secrets';
import { validateEnvironment } from './environment';
import { productionEnvironment } from './testing/production-environment';

const DATABASE_URL = 'postgres://safeguarding_service:a-real-password@db.internal/safeguarding';
/** A complete, safe production configuration: each test breaks one thing. */
const production = productionEnvironment;

function problemsOf(raw: Record<string, string | undefined>): string[] {
  try {
    validateEnvironment(raw);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).problems;
  }
}

describe('fail-closed configuration', () => {
  it('accepts a complete production configuration', () => {
    expect(problemsOf(production())).toEqual([]);
  });

  it('without SAFEGUARDING_DEV=1, refuses every missing secret by name, whatever NODE_ENV says', () => {
    for (const NODE_ENV of ['production', 'test', 'development', undefined]) {
      const problems = problemsOf({ NODE_ENV, DATABASE_URL }).join('\n');
      for (const name of ['JWT_SECRET', 'PLATFORM_API_KEY', 'DISCLOSURE_FINGERPRINT_KEY', 'TEMPORAL_PAYLOAD_KEY'])
        expect(problems).toContain(`${name} is not set`);
      expect(problems).toContain('LOG_SIGNING_KEY is not set');
    }
  });

  it('refuses the published development secrets and weak ones', () => {
    for (const [name, value] of Object.entries(DEVELOPMENT_SECRETS).filter(([n]) => n !== 'DEMO_PASSWORD'))
      expect(problemsOf({ ...production(), [name]: value })).toEqual([`${name} is the published development value`]);
    expect(problemsOf({ ...production(), JWT_SECRET: 'short' })).toEqual(['JWT_SECRET must be at least 32 characters']);
    expect(problemsOf({ ...production(), TEMPORAL_PAYLOAD_KEY: randomBytes(16).toString('base64') })).toEqual([
      'TEMPORAL_PAYLOAD_KEY must hold 32-byte keys, base64-encoded (e.g. openssl rand -base64 32)',
    ]);
    expect(
      problemsOf({ ...production(), TEMPORAL_PAYLOAD_PREVIOUS_KEYS: DEVELOPMENT_SECRETS.TEMPORAL_PAYLOAD_KEY }),
    ).toEqual(['TEMPORAL_PAYLOAD_PREVIOUS_KEYS holds the published development key']);
    expect(problemsOf({ ...production(), DEMO_PASSWORD: 'anything' })).toEqual([
      'DEMO_PASSWORD is set: demo accounts exist in development only',
    ]);
    expect(problemsOf({ ...production(), DATABASE_URL: 'postgres://postgres:postgres@db/safeguarding' })).toEqual([
      'DATABASE_URL uses a development password',
    ]);
  });

  it('needs the referral webhook secret when a referral route is set, and refuses an unknown agency', () => {
    const route = { REFERRAL_WEBHOOK_SOCIAL_WORKER: 'https://agency.example/referrals' };
    expect(problemsOf({ ...production(), ...route, REFERRAL_WEBHOOK_SECRET: '' })).toEqual([
      'REFERRAL_WEBHOOK_SECRET is required when a referral route (REFERRAL_WEBHOOK_<AGENCY>) is set',
    ]);
    expect(problemsOf({ ...production(), ...route, REFERRAL_WEBHOOK_SECRET: randomBytes(16).toString('hex') })).toEqual(
      [],
    );
    expect(
      problemsOf({
        ...production(),
        REFERRAL_WEBHOOK_SOCIAL_WORKR: 'https://x.example',
        REFERRAL_WEBHOOK_SECRET: 'x'.repeat(20),
      }),
    ).toEqual([expect.stringMatching(/^REFERRAL_WEBHOOK_SOCIAL_WORKR: SOCIAL_WORKR is not an agency/)]);
  });

  it('needs https webhooks outside development', () => {
    const secret = 'y'.repeat(32);
    expect(
      problemsOf({
        ...production(),
        PLATFORM_WEBHOOK_URL: 'http://platform.example/hook',
        PLATFORM_WEBHOOK_SECRET: secret,
        REFERRAL_WEBHOOK_CARE_PROFESSIONAL: 'http://care.example/hook',
        REFERRAL_WEBHOOK_SECRET: secret,
      }),
    ).toEqual([
      'PLATFORM_WEBHOOK_URL must be an https:// URL',
      'REFERRAL_WEBHOOK_CARE_PROFESSIONAL must be an https:// URL',
    ]);
  });

  it('gives development defaults only with SAFEGUARDING_DEV=1, never together with NODE_ENV=production', () => {
    const env = validateEnvironment({ SAFEGUARDING_DEV: '1', DATABASE_URL });
    expect(env.development).toBe(true);
    expect(env.JWT_SECRET).toBe(DEVELOPMENT_SECRETS.JWT_SECRET);
    expect(env.DEMO_PASSWORD).toBe(DEVELOPMENT_SECRETS.DEMO_PASSWORD);
    expect(validateEnvironment({ SAFEGUARDING_DEV: '1', DATABASE_URL, JWT_SECRET: 'mine' }).JWT_SECRET).toBe('mine');
    expect(problemsOf({ SAFEGUARDING_DEV: '1', NODE_ENV: 'production', DATABASE_URL })).toEqual([
      'SAFEGUARDING_DEV=1 cannot run with NODE_ENV=production',
    ]);
    expect(problemsOf({ ...production(), SAFEGUARDING_DEV: 'yes' })).toEqual([
      'SAFEGUARDING_DEV must be 1 (development defaults) or 0',
    ]);
  });

  it('checks the Temporal and PostgreSQL TLS settings', () => {
    const missing = join(tmpdir(), 'no-such-file.pem');
    expect(problemsOf({ ...production(), TEMPORAL_TLS_CERT: missing })).toEqual([
      `TEMPORAL_TLS_CERT: cannot read ${missing}`,
      'TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together (mTLS needs both)',
    ]);
    expect(problemsOf({ ...production(), TEMPORAL_API_KEY: 'k', TEMPORAL_TLS: '0' })).toEqual([
      'TEMPORAL_API_KEY needs TLS: TEMPORAL_TLS=0 would send it in clear',
    ]);
    const ca = join(mkdtempSync(join(tmpdir(), 'sg-config-')), 'ca.pem');
    writeFileSync(ca, 'PEM');
    expect(problemsOf({ ...production(), DATABASE_SSL_CA: ca })).toEqual([
      'DATABASE_SSL_CA needs DATABASE_SSL=verify-full',
    ]);
    expect(problemsOf({ ...production(), DATABASE_SSL: 'verify-full', DATABASE_SSL_CA: ca })).toEqual([]);
    expect(problemsOf({ ...production(), DATABASE_SSL: 'on' })).toEqual([
      'DATABASE_SSL must be one of the following values: off, require, verify-full',
    ]);
  });

  it('checks the policy dates at boot', () => {
    expect(problemsOf({ ...production(), UNIFIED_POLICY_FROM: 'next tuesday' })).toEqual([
      expect.stringMatching(/^UNIFIED_POLICY_FROM="next tuesday" is not an ISO-8601 date-time/),
    ]);
  });
});
