import { timingSafeEqual } from 'node:crypto';

/**
 * Whether a scrape may read /metrics: with a METRICS_TOKEN configured, only `Authorization: Bearer <token>`;
 * without one (development; production refuses to start without it) anyone.
 */
export function metricsAccessAllowed(authorization: string | undefined, token: string | undefined): boolean {
  if (!token) return true;
  const given = Buffer.from(authorization ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
