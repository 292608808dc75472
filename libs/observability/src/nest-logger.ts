import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';
import { createLogger } from './logger';

/** Nest's start-up chatter (modules loaded, every route mapped): kept for debugging, not shown by default. */
const CHATTY_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/** Nest's LoggerService over pino, so framework and application lines share one format. */
export class NestPinoLogger implements LoggerService {
  constructor(readonly pino: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: Level, message: unknown, rest: unknown[]): void {
    // Nest passes the logger's context last; an error may pass a stack before it.
    const params = [...rest];
    const context = typeof params.at(-1) === 'string' ? (params.pop() as string) : undefined;
    const stack = level === 'error' && typeof params[0] === 'string' ? params[0] : undefined;
    const effective = context && CHATTY_CONTEXTS.has(context) ? 'debug' : level;
    const fields: Record<string, unknown> = { ...(context ? { context } : {}), ...(stack ? { stack } : {}) };
    if (message instanceof Error) this.pino[effective]({ ...fields, err: message }, message.message);
    else if (message !== null && typeof message === 'object') this.pino[effective]({ ...fields, ...message });
    else this.pino[effective](fields, String(message));
  }
}

/** The logger a Nest service is created with (`NestFactory.create(…, { logger })`). */
export function createServiceLogger(service: string): NestPinoLogger {
  return new NestPinoLogger(createLogger(service));
}
