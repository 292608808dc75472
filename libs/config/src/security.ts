import { registerAs } from '@nestjs/config';
import { durationMs } from './duration';
import { validateEnvironment } from './environment';

export { DEVELOPMENT_SECRETS } from './development-secrets';

/** Secrets and token lifetimes of the API. validateEnvironment has refused boot if any is missing or weak. */
export const securityConfig = registerAs('security', () => {
  const env = validateEnvironment(process.env);
  return {
    development: env.development,
    jwtSecret: env.JWT_SECRET!,
    staffTokenTtlMs: durationMs(env.STAFF_TOKEN_TTL),
    subjectTokenTtlMs: durationMs(env.SUBJECT_TOKEN_TTL),
    sessionIdleMs: durationMs(env.SESSION_IDLE_TIMEOUT),
    sessionMaxAgeMs: durationMs(env.SESSION_MAX_AGE),
    platformApiKey: env.PLATFORM_API_KEY!,
    demoPassword: env.development ? env.DEMO_PASSWORD : undefined,
    subjectTokensPerMinute: env.SUBJECT_TOKENS_PER_MINUTE,
    sharingHistoryReadsPerMinute: env.SHARING_HISTORY_READS_PER_MINUTE,
  };
});
