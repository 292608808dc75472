import { DEVELOPMENT_SECRETS } from './development-secrets';

// Kept free of @nestjs imports: the case log's signing (run by the worker) reads the mode through this file.

/** Development defaults apply only when asked for by SAFEGUARDING_DEV=1; NODE_ENV never implies them. */
export function isDevelopmentMode(env: Record<string, string | undefined>): boolean {
  return env.SAFEGUARDING_DEV === '1';
}

/** In development mode, every secret left unset takes its published development value. */
export function applyDevelopmentDefaults(env: Record<string, string | undefined>): Record<string, string | undefined> {
  if (!isDevelopmentMode(env)) return env;
  const defaults = Object.fromEntries(Object.entries(DEVELOPMENT_SECRETS).filter(([name]) => !env[name]));
  return { ...env, ...defaults };
}
