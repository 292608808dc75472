import type { ThrottleSettings } from '../auth.config';

import { rowsOf, SqlRunner } from '../sql-rows';

/** How long to wait, or nothing when the attempt was counted and may go ahead. */
export type Charge = { waitMs: number } | undefined;

/** Known addresses are remembered this long after the account's last successful sign-in from them. */
const KNOWN_ADDRESS_DAYS = 30;
const MS = `interval '1 millisecond'`;

/**
 * Login counters in PostgreSQL, so every API process sees the same ones. Each attempt is counted *before* the
 * password is checked, by one atomic upsert that refuses when the key must wait: parallel guesses cannot slip
 * through between a check and a count.
 */
export class LoginThrottleStore {
  constructor(
    private readonly db: SqlRunner,
    private readonly settings: ThrottleSettings,
  ) {}

  /** Per username: the first `freeAttempts` failures are free, then each next attempt waits twice as long. */
  async chargeUsername(key: string, now: Date): Promise<Charge> {
    const { freeAttempts, backoffBaseMs, backoffMaxMs } = this.settings;
    const rows = await rowsOf(
      this.db,
      `INSERT INTO login_throttle AS t (key, failures, window_started_at, blocked_until, updated_at)
       VALUES ($1, 1, $2::timestamptz,
         CASE WHEN 1 >= $3::int THEN $2::timestamptz + least($5::float8, $4::float8) * ${MS} END, $2::timestamptz)
       ON CONFLICT (key) DO UPDATE SET
         failures = t.failures + 1,
         blocked_until = CASE WHEN t.failures + 1 >= $3::int THEN $2::timestamptz
           + least($5::float8, $4::float8 * power(2, least(t.failures + 1 - $3::int, 30))) * ${MS} END,
         updated_at = $2::timestamptz
       WHERE t.blocked_until IS NULL OR t.blocked_until <= $2::timestamptz
       RETURNING failures`,
      [key, now, freeAttempts, backoffBaseMs, backoffMaxMs],
    );
    if (rows.length) return undefined;
    return this.waitUntil('SELECT blocked_until AS until FROM login_throttle WHERE key = $1', [key], now);
  }

  /** Per address group: at most `addressMaxFailures` failures in a fixed window. */
  async chargeAddress(key: string, now: Date): Promise<Charge> {
    const { addressMaxFailures, addressWindowMs } = this.settings;
    const windowStart = `$2::timestamptz - $3::float8 * ${MS}`;
    const rows = await rowsOf(
      this.db,
      `INSERT INTO login_throttle AS t (key, failures, window_started_at, blocked_until, updated_at)
       VALUES ($1, 1, $2::timestamptz, NULL, $2::timestamptz)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at <= ${windowStart} THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at <= ${windowStart} THEN $2::timestamptz
           ELSE t.window_started_at END,
         updated_at = $2::timestamptz
       WHERE t.window_started_at <= ${windowStart} OR t.failures < $4::int
       RETURNING failures`,
      [key, now, addressWindowMs, addressMaxFailures],
    );
    if (rows.length) return undefined;
    return this.waitUntil(
      `SELECT window_started_at + $2::float8 * ${MS} AS until FROM login_throttle WHERE key = $1`,
      [key, addressWindowMs],
      now,
    );
  }

  /** A username bucket after a successful sign-in: back to no failures. */
  async clear(key: string, now: Date): Promise<void> {
    await this.db.query(
      'UPDATE login_throttle SET failures = 0, blocked_until = NULL, updated_at = $2::timestamptz WHERE key = $1',
      [key, now],
    );
  }

  /** An address's charge for an attempt that turned out not to be a failure. */
  async refund(key: string, now: Date): Promise<void> {
    await this.db.query(
      'UPDATE login_throttle SET failures = greatest(failures - 1, 0), updated_at = $2::timestamptz WHERE key = $1',
      [key, now],
    );
  }

  async isKnownAddress(username: string, group: string, now: Date): Promise<boolean> {
    const rows = await rowsOf(
      this.db,
      `SELECT 1 FROM login_known_addresses WHERE username = $1 AND address_group = $2
         AND last_success_at > $3::timestamptz - interval '${KNOWN_ADDRESS_DAYS} days'`,
      [username, group, now],
    );
    return rows.length > 0;
  }

  async rememberAddress(username: string, group: string, now: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO login_known_addresses (username, address_group, last_success_at) VALUES ($1, $2, $3)
       ON CONFLICT (username, address_group) DO UPDATE SET last_success_at = EXCLUDED.last_success_at`,
      [username, group, now],
    );
  }

  private async waitUntil(sql: string, params: unknown[], now: Date): Promise<Charge> {
    const [row] = await rowsOf<{ until: Date | null }>(this.db, sql, params);
    const untilMs = row?.until ? new Date(row.until).getTime() : now.getTime();
    return { waitMs: Math.max(1000, untilMs - now.getTime()) };
  }
}
