/** The exit code of a service that refuses to start because of its configuration (sysexits EX_CONFIG). */
export const EXIT_CONFIGURATION = 78;

/** A service refuses to start: every problem is named, so one run shows everything to fix. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';

  constructor(readonly problems: string[]) {
    super(`Refusing to start, the configuration is not safe to run:\n  - ${problems.join('\n  - ')}`);
  }
}
