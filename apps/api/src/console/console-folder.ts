import { join, resolve } from 'node:path';

/**
 * Where the built console is: CONSOLE_DIR, else `dist/console`, found from this compiled file
 * (`dist/apps/api/src/console/`) rather than the working directory, so the API serves it however it is started.
 */
export function consoleFolder(configured: string | undefined): string {
  return configured ? resolve(configured) : join(__dirname, '..', '..', '..', '..', 'console');
}
