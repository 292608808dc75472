import { registerAs } from '@nestjs/config';
import { durationMs, validateEnvironment } from '@sg/config';

/** Sign-in settings (docs/accounts.md), from the one validated environment. */
export const authConfig = registerAs('auth', () => {
  const e = validateEnvironment(process.env);
  return {
    throttle: {
      freeAttempts: e.LOGIN_FREE_ATTEMPTS,
      backoffBaseMs: durationMs(e.LOGIN_BACKOFF_BASE),
      backoffMaxMs: durationMs(e.LOGIN_BACKOFF_MAX),
      addressMaxFailures: e.LOGIN_ADDRESS_MAX_FAILURES,
      addressWindowMs: durationMs(e.LOGIN_ADDRESS_WINDOW),
    },
    hashing: { concurrency: e.PASSWORD_HASH_CONCURRENCY, queue: e.PASSWORD_HASH_QUEUE },
    mfaSecretKeys: e.MFA_SECRET_KEYS,
  };
});

export type AuthConfig = ReturnType<typeof authConfig>;
export type ThrottleSettings = AuthConfig['throttle'];
