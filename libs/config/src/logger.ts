import { ConsoleLogger } from '@nestjs/common';

/**
 * Structured JSON logs in production, readable lines in development. Log lines name ids and outcomes,
 * never disclosure text or identifying details.
 */
export function createServiceLogger(service: string): ConsoleLogger {
  const production = process.env.NODE_ENV === 'production';
  return new ConsoleLogger(service, {
    json: production,
    colors: !production && process.stdout.isTTY === true,
    logLevels: ['log', 'warn', 'error', 'fatal'],
  });
}
