import pino, { DestinationStream, Logger } from 'pino';
import { REDACTED_PATHS, REDACTION_CENSOR } from './redaction';
import { currentRequestId } from './request-context';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** An error as a log line may show it: its kind and message, never the objects (queries, bodies) it carries. */
function errorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  return { type: error.name, message: error.message, stack: error.stack };
}

/**
 * One JSON object per line on stdout: time, level, service, the request id when serving a request, the message.
 * Every service logs this way; `npm start` turns the lines into readable text for people.
 */
export function createLogger(service: string, destination?: DestinationStream): Logger {
  const level = (process.env.LOG_LEVEL as LogLevelName | undefined) || 'info';
  return pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: REDACTION_CENSOR },
      serializers: { err: errorFields, error: errorFields },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    destination,
  );
}
