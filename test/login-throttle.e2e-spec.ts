import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { addressGroup } from '../apps/api/src/auth/throttle/address-group';
import { LoginThrottleStore } from '../apps/api/src/auth/throttle/login-throttle.store';
import { withDb } from './support/db';
import { e2eEnv } from './support/env';
import { request } from './support/http';
import { expectAnswer } from './support/lifecycle-api';
import { staffHeaders } from './support/staff';

/**
 * Issue 10 item 5: login throttling that slows guessing without locking the on-call out. The suite's stack trusts
 * X-Forwarded-For from loopback (TRUST_PROXY=loopback), so each test stands in for clients at addresses of its own.
 */
const { apiUrl, databaseUrl, serviceDatabaseUrl } = e2eEnv();
const PASSWORD = 'a-long-test-password-1';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A /64 of the documentation range no other test uses. */
const fresh64 = () => `2001:db8:${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`;

const loginFrom = (address: string, username: string, password: string) =>
  request(apiUrl, 'POST', '/auth/login', { body: { username, password }, headers: { 'X-Forwarded-For': address } });

async function createOfficer(): Promise<string> {
  const username = `throttle-${randomUUID().slice(0, 8)}`;
  const created = await request(apiUrl, 'POST', '/staff', {
    body: { username, roles: ['officer'], password: PASSWORD },
    headers: await staffHeaders('admin.fay'),
  });
  expectAnswer(created, 201);
  return username;
}

describe('login throttling', () => {
  it('a username backs off after five failures, doubling, yet the right password gets in once the wait is over', async () => {
    const username = await createOfficer();
    const address = `${fresh64()}::1`;
    for (let i = 1; i <= 5; i++) expectAnswer(await loginFrom(address, username, `wrong-${i}`), 401);

    // Even the right password waits: the throttle answers before any password is checked.
    expectAnswer(await loginFrom(address, username, PASSWORD), 429, 'AUTH.THROTTLED');
    const firstWait = await retryAfter(address, username);
    expect(firstWait).toBeGreaterThanOrEqual(1);
    expect(await waitSet(username)).toBe(1);

    await sleep(firstWait * 1000 + 100);
    expectAnswer(await loginFrom(address, username, 'wrong-6'), 401); // the sixth failure: the next wait doubles
    expect(await waitSet(username)).toBe(2);

    await sleep(2100);
    expectAnswer(await loginFrom(address, username, PASSWORD), 200);
    expectAnswer(await loginFrom(address, username, 'wrong-7'), 401); // signed in: counting starts again
  });

  it('failures from elsewhere never hold the account up where it signed in recently, counting an IPv6 /64 as one', async () => {
    const username = await createOfficer();
    const site = `2001:db8:${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 3)}`; // a /60: 16 /64s
    expectAnswer(await loginFrom(`${site}0::10`, username, PASSWORD), 200);

    const attacker = `${fresh64()}::666`;
    for (let i = 1; i <= 5; i++) expectAnswer(await loginFrom(attacker, username, `guess-${i}`), 401);
    expectAnswer(await loginFrom(attacker, username, PASSWORD), 429, 'AUTH.THROTTLED');

    // Another address in the same /64 as the one it signed in from: straight in.
    expectAnswer(await loginFrom(`${site}0:ffff:ffff:ffff:ffff`, username, PASSWORD), 200);
    // A new place (the next /64) shares the counter the attacker filled.
    expectAnswer(await loginFrom(`${site}1::10`, username, PASSWORD), 429, 'AUTH.THROTTLED');
  });
});

/** The Retry-After of the answer a sign-in gets now, while the account waits. */
async function retryAfter(address: string, username: string): Promise<number> {
  const response = await fetch(`${apiUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Forwarded-For': address },
    body: JSON.stringify({ username, password: 'never-checked' }),
  });
  expect(response.status).toBe(429);
  return Number(response.headers.get('retry-after'));
}

/** How long the account's last failure made it wait, as the shared counter holds it. */
const waitSet = (username: string) =>
  withDb(databaseUrl, async (db) => {
    const { rows } = await db.query(
      `SELECT extract(epoch FROM blocked_until - updated_at)::float AS seconds FROM login_throttle WHERE key = $1`,
      [`user:${username}`],
    );
    return rows[0].seconds as number;
  });

describe('per-address limits, in counters every API process shares (PostgreSQL)', () => {
  const pool = new Pool({ connectionString: serviceDatabaseUrl, max: 2 });
  const db = { query: (sql: string, params: unknown[]) => pool.query(sql, params).then((r) => r.rows) };
  const settings = {
    freeAttempts: 5,
    backoffBaseMs: 1000,
    backoffMaxMs: 60_000,
    addressMaxFailures: 3,
    addressWindowMs: 60_000,
  };
  // Two stores over one database stand for two API processes.
  const [processA, processB] = [new LoginThrottleStore(db, settings), new LoginThrottleStore(db, settings)];
  afterAll(() => pool.end());

  it('three failures from one /64, across processes, and the fourth from anywhere in it waits; the next /64 does not', async () => {
    const net = fresh64();
    const key = (suffix: string) => `addr:${addressGroup(`${net}:${suffix}`)}`;
    const now = new Date();
    expect(await processA.chargeAddress(key('0:0:0:1'), now)).toBeUndefined();
    expect(await processB.chargeAddress(key('aaaa:bbbb:cccc:dddd'), now)).toBeUndefined();
    expect(await processA.chargeAddress(key('0:0:0:ffff'), now)).toBeUndefined();
    expect(await processB.chargeAddress(key('1:2:3:4'), now)).toEqual({ waitMs: 60_000 });

    const otherNet = `addr:${addressGroup(`${fresh64()}::1`)}`;
    expect(await processB.chargeAddress(otherNet, now)).toBeUndefined();
    // The window passes: the address may try again.
    expect(await processA.chargeAddress(key('0:0:0:1'), new Date(now.getTime() + 60_001))).toBeUndefined();
  });

  it('parallel guesses cannot slip between a check and a count', async () => {
    const key = `user:parallel-${randomUUID()}`;
    const now = new Date();
    const charges = await Promise.all(Array.from({ length: 12 }, () => processA.chargeUsername(key, now)));
    expect(charges.filter((c) => c === undefined)).toHaveLength(5);
  });
});
