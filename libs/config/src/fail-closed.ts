import { accessSync, constants } from 'node:fs';
import { policyCalendarFromEnv } from '@sg/policy';
import { DEVELOPMENT_SECRETS } from './development-secrets';
import { loadLogSigningKey } from './log-signing';

type Raw = Record<string, string | undefined>;

/** The settings these rules read (a subset of Environment, named here so the two files do not import each other). */
interface Settings {
  development: boolean;
  NODE_ENV: string;
  DATABASE_URL: string;
  DATABASE_SSL: string;
  DATABASE_SSL_CA?: string;
  JWT_SECRET?: string;
  PLATFORM_API_KEY?: string;
  DISCLOSURE_FINGERPRINT_KEY?: string;
  TEMPORAL_PAYLOAD_KEY?: string;
  TEMPORAL_PAYLOAD_PREVIOUS_KEYS?: string;
  TEMPORAL_TLS?: string;
  TEMPORAL_TLS_CA?: string;
  TEMPORAL_TLS_CERT?: string;
  TEMPORAL_TLS_KEY?: string;
  TEMPORAL_API_KEY?: string;
  DEMO_PASSWORD?: string;
  PLATFORM_WEBHOOK_URL?: string;
  referralWebhooks: Record<string, string>;
}

/** Secrets every service needs outside development, and the least length that makes each one unguessable. */
const REQUIRED_SECRETS = {
  JWT_SECRET: 32,
  PLATFORM_API_KEY: 32,
  DISCLOSURE_FINGERPRINT_KEY: 32,
  TEMPORAL_PAYLOAD_KEY: 0, // its length is checked as a key, in every mode
} as const;
/** Passwords of the local stack's databases (README): never outside development. */
const DEVELOPMENT_DATABASE_PASSWORDS = ['postgres', 'development-service-password'];

/** Cross-setting rules, and the rules that make anything but explicit development mode fail closed. */
export function failClosedProblems(env: Settings, raw: Raw): string[] {
  const problems = [...keyProblems(env), ...connectionProblems(env), ...calendarProblems(raw)];
  try {
    loadLogSigningKey(raw);
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (env.development) {
    if (env.NODE_ENV === 'production') problems.push('SAFEGUARDING_DEV=1 cannot run with NODE_ENV=production');
    return problems;
  }
  for (const [name, minLength] of Object.entries(REQUIRED_SECRETS) as [keyof typeof REQUIRED_SECRETS, number][]) {
    const value = env[name];
    if (!value) problems.push(`${name} is not set (development defaults need SAFEGUARDING_DEV=1)`);
    else if (value === (DEVELOPMENT_SECRETS as Record<string, string>)[name])
      problems.push(`${name} is the published development value`);
    else if (value.length < minLength) problems.push(`${name} must be at least ${minLength} characters`);
  }
  if (previousPayloadKeys(env).includes(DEVELOPMENT_SECRETS.TEMPORAL_PAYLOAD_KEY))
    problems.push('TEMPORAL_PAYLOAD_PREVIOUS_KEYS holds the published development key');
  if (env.DEMO_PASSWORD) problems.push('DEMO_PASSWORD is set: demo accounts exist in development only');
  const webhooks = { PLATFORM_WEBHOOK_URL: env.PLATFORM_WEBHOOK_URL, ...prefixed(env.referralWebhooks) };
  for (const [name, url] of Object.entries(webhooks))
    if (url && !url.startsWith('https://')) problems.push(`${name} must be an https:// URL`);
  if (DEVELOPMENT_DATABASE_PASSWORDS.includes(databasePassword(env.DATABASE_URL)))
    problems.push('DATABASE_URL uses a development password');
  return problems;
}

export function previousPayloadKeys(env: Pick<Settings, 'TEMPORAL_PAYLOAD_PREVIOUS_KEYS'>): string[] {
  return (env.TEMPORAL_PAYLOAD_PREVIOUS_KEYS ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean);
}

function keyProblems(env: Settings): string[] {
  const keys: [string, string | undefined][] = [
    ['TEMPORAL_PAYLOAD_KEY', env.TEMPORAL_PAYLOAD_KEY],
    ...previousPayloadKeys(env).map((key): [string, string] => ['TEMPORAL_PAYLOAD_PREVIOUS_KEYS', key]),
  ];
  return keys
    .filter(([, key]) => key !== undefined && !isAes256Key(key))
    .map(([name]) => `${name} must hold 32-byte keys, base64-encoded (e.g. openssl rand -base64 32)`);
}

function isAes256Key(base64: string): boolean {
  return /^[A-Za-z0-9+/]+={0,2}$/.test(base64) && Buffer.from(base64, 'base64').length === 32;
}

function connectionProblems(env: Settings): string[] {
  const files = ['TEMPORAL_TLS_CA', 'TEMPORAL_TLS_CERT', 'TEMPORAL_TLS_KEY', 'DATABASE_SSL_CA'] as const;
  const problems = files
    .filter((name) => env[name] && !readable(env[name]))
    .map((name) => `${name}: cannot read ${env[name]}`);
  if (Boolean(env.TEMPORAL_TLS_CERT) !== Boolean(env.TEMPORAL_TLS_KEY))
    problems.push('TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together (mTLS needs both)');
  if (env.TEMPORAL_API_KEY && env.TEMPORAL_TLS === '0')
    problems.push('TEMPORAL_API_KEY needs TLS: TEMPORAL_TLS=0 would send it in clear');
  if (env.DATABASE_SSL_CA && env.DATABASE_SSL !== 'verify-full')
    problems.push('DATABASE_SSL_CA needs DATABASE_SSL=verify-full');
  return problems;
}

function calendarProblems(raw: Raw): string[] {
  try {
    policyCalendarFromEnv(raw);
    return [];
  } catch (error) {
    return [(error as Error).message];
  }
}

function readable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

function prefixed(routes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(routes).map(([agency, url]) => [`REFERRAL_WEBHOOK_${agency}`, url]));
}

function databasePassword(url: string | undefined): string {
  try {
    return decodeURIComponent(new URL(url ?? '').password);
  } catch {
    return '';
  }
}
