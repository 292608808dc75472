import { prettyFactory } from 'pino-pretty';

/** `[api] {"level":"info",…}`: a service's JSON log line as the supervisor forwards it. */
const SERVICE_JSON_LINE = /^\[([\w-]+)\] (\{.*\})$/;

/**
 * How the local stack shows its services' JSON log lines: `pretty` (one readable line each, for people at a
 * terminal) or `json` (`[service] ` and the line as the service wrote it, for files and tools). LOG_FORMAT chooses;
 * by default pretty on a terminal. Lines that are not JSON (the stack's own, Temporal's, PostgreSQL's) pass unchanged.
 */
export function formattingServiceLines(
  log: (line: string) => void,
  format = process.env.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json'),
): (line: string) => void {
  const pretty = prettyFactory({
    colorize: process.stdout.isTTY === true,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,service,context',
    messageFormat: '{if context}{context}: {end}{msg}',
  });
  return (line) => {
    const match = format === 'pretty' ? SERVICE_JSON_LINE.exec(line) : null;
    if (!match) return log(line);
    try {
      log(`[${match[1]}] ${pretty(match[2]).trimEnd()}`);
    } catch {
      log(line);
    }
  };
}
