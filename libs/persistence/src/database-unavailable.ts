/**
 * Whether an error means PostgreSQL could not be reached or went away mid-query, rather than that the query was
 * wrong: a caller can try again shortly. TypeORM wraps the driver's error in `driverError`.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walks an unknown driver error chain
  for (let e: any = error, depth = 0; e && depth < 3; e = e.driverError ?? e.cause, depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (NETWORK_CODES.has(code) || code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code)) return true;
    if (typeof e.message === 'string' && POOL_MESSAGES.some((m) => e.message.includes(m))) return true;
  }
  return false;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
/** SQLSTATE 08xxx (connection exception, above) and the server shutting down, starting up or full. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** node-postgres reports these without a code. */
const POOL_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
];
