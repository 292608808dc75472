import { prettyFactory } from 'pino-pretty';

/** `[api] {"level":"info",…}`: a service's JSON log line as the supervisor forwards it. */
const SERVICE_JSON_LINE = /^\[([\w-]+)\] (\{.*\})$/;

/**
 * How the local stack shows its services' JSON log lines: `pretty` (one readable line each, for people at a
 * terminal) or `json` (the lines as the services wrote them, for files and tools). LOG_FORMAT chooses; by default
 * pretty on a terminal. Lines that are not JSON (the stack's own, Temporal's, PostgreSQL's) pass unchanged.
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
    const match = SERVICE_JSON_LINE.exec(line);
    if (!match) return log(line);
    if (format !== 'pretty') return log(match[2]);
    try {
      log(`[${match[1]}] ${pretty(match[2]).trimEnd()}`);
    } catch {
      log(line);
    }
  };
}
