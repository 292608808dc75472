import { registerAs } from '@nestjs/config';
import { durationMs } from './duration';

import { DEVELOPMENT_SECRETS } from './development-secrets';

export { DEVELOPMENT_SECRETS };

type SecretName = keyof typeof DEVELOPMENT_SECRETS;

function secret(env: NodeJS.ProcessEnv, name: SecretName): string {
  return env[name] || DEVELOPMENT_SECRETS[name];
}

/** Throws, naming each problem, when production would run with a development secret. */
export function assertProductionSecrets(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV !== 'production') return;
  const problems = (['JWT_SECRET', 'PLATFORM_API_KEY', 'TEMPORAL_PAYLOAD_KEY'] as const)
    .filter((name) => secret(env, name) === DEVELOPMENT_SECRETS[name])
    .map((name) => `${name} is not set (the development default is refused in production)`);
  if (env.DEMO_PASSWORD) problems.push('DEMO_PASSWORD is set: demo accounts exist in development only');
  if (secret(env, 'JWT_SECRET').length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  if (Buffer.from(secret(env, 'TEMPORAL_PAYLOAD_KEY'), 'base64').length !== 32)
    problems.push('TEMPORAL_PAYLOAD_KEY must be 32 bytes, base64-encoded');
  if (problems.length) throw new Error(`Refusing to start in production:\n  - ${problems.join('\n  - ')}`);
}

export const securityConfig = registerAs('security', () => {
  assertProductionSecrets();
  const env = process.env;
  return {
    production: env.NODE_ENV === 'production',
    jwtSecret: secret(env, 'JWT_SECRET'),
    staffTokenTtlMs: durationMs(env.STAFF_TOKEN_TTL || 'PT8H'),
    subjectTokenTtlMs: durationMs(env.SUBJECT_TOKEN_TTL || 'PT15M'),
    platformApiKey: secret(env, 'PLATFORM_API_KEY'),
    demoPassword: env.NODE_ENV === 'production' ? undefined : secret(env, 'DEMO_PASSWORD'),
  };
});

/** The key that encrypts Temporal payloads; the API and the worker must share it. */
export function temporalPayloadKey(env: NodeJS.ProcessEnv = process.env): string {
  assertProductionSecrets(env);
  return secret(env, 'TEMPORAL_PAYLOAD_KEY');
}
