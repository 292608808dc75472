import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { SecretBox } from '../../apps/api/src/auth/mfa/secret-box';
import { validateEnvironment } from '../../libs/config/src/environment';
import { readComposeFile, requiredVariables, resolvedEnvironment } from './compose-settings';

/**
 * The production compose file carries every setting production requires, each secret as a required variable: so
 * neither can drift from what the services check at boot (libs/config, and MFA_SECRET_KEYS in the API).
 */
const compose = readComposeFile(join(__dirname, '../..'));
const SERVICES = ['api', 'worker'] as const;

/** A fresh, well-formed value for each variable the file requires, as an operator would set them. */
function variables(): Record<string, string> {
  const base64Key = () => randomBytes(32).toString('base64');
  const byName: Record<string, () => string> = {
    TEMPORAL_PAYLOAD_KEY: base64Key,
    MFA_SECRET_KEYS: base64Key,
    LOG_SIGNING_KEY: () =>
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    PLATFORM_WEBHOOK_URL: () => 'https://platform.example.org/notifications',
  };
  const names = new Set(
    Object.values(compose.services).flatMap((s) => Object.values(s.environment ?? {}).flatMap(requiredVariables)),
  );
  return Object.fromEntries(
    [...names].map((name) => [name, (byName[name] ?? (() => randomBytes(24).toString('hex')))()]),
  );
}

/** Whether the service would start with this environment: the schema, the fail-closed rules, the API's MFA keys. */
function bootProblems(service: string, env: Record<string, string>): string | undefined {
  try {
    validateEnvironment(env);
    if (service === 'api') SecretBox.fromSetting(env.MFA_SECRET_KEYS || undefined, true);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe.each(SERVICES)('docker-compose.yml: the %s', (service) => {
  const environment = compose.services[service].environment ?? {};
  const env = resolvedEnvironment(environment, variables());

  it('starts in production with exactly what the file gives it', () => {
    expect(env.NODE_ENV).toBe('production');
    expect(env.SAFEGUARDING_DEV).toBeUndefined();
    expect(bootProblems(service, env)).toBeUndefined();
  });

  it('takes every setting production requires from a required variable (no default, no literal)', () => {
    const required = Object.keys(env).filter((name) => bootProblems(service, { ...env, [name]: '' }) !== undefined);
    expect(required).toEqual(
      expect.arrayContaining(['JWT_SECRET', 'PLATFORM_API_KEY', 'DISCLOSURE_FINGERPRINT_KEY', 'TEMPORAL_PAYLOAD_KEY']),
    );
    expect(required).toEqual(expect.arrayContaining(['LOG_SIGNING_KEY', 'METRICS_TOKEN']));
    if (service === 'api') expect(required).toContain('MFA_SECRET_KEYS');
    const literal = required.filter((name) => name !== 'NODE_ENV' && requiredVariables(environment[name]).length === 0);
    expect(literal).toEqual([]);
  });

  it('publishes and reads tree heads in the volume the other service shares', () => {
    expect(env.LOG_TREE_HEAD_DIR).toBe('/var/lib/safeguarding/tree-heads');
    const mounts = (compose.services[service].volumes ?? []).map((v) => v.split(':'));
    expect(mounts).toContainEqual(['tree-heads', env.LOG_TREE_HEAD_DIR]);
    expect(compose.volumes).toHaveProperty('tree-heads');
  });
});
