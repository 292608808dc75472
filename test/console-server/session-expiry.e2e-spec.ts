import { e2eEnv } from '../support/env';
import { request } from '../support/http';
import { openEvents } from './event-stream';
import { ExtraApi, startExtraApi } from './extra-api';
import { consoleSession, withCookie } from './session-client';

/**
 * Issue 12: a console session ends on its own. An API process with tiny timeouts (idle 2 s, at most 6 s), beside
 * the suite's own, which also shows that a session made on one API process works on another.
 */
let api: ExtraApi;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  api = await startExtraApi({ SESSION_IDLE_TIMEOUT: 'PT2S', SESSION_MAX_AGE: 'PT6S' });
});
afterAll(async () => {
  await api?.stop();
});

async function openStreams(): Promise<number> {
  const metrics = await request(api.url, 'GET', '/metrics');
  const line = /^safeguarding_event_streams_open\{[^}]*\} (\d+)$/m.exec(String(metrics.body));
  if (!line) throw new Error('No safeguarding_event_streams_open gauge in /metrics');
  return Number(line[1]);
}

describe('a console session ends on its own', () => {
  it('after the idle timeout without a request: 401, and the cookie is cleared', async () => {
    const session = await consoleSession('officer.amy', api.url);
    expect(Date.parse(session.body.expiresAt) - Date.now()).toBeLessThanOrEqual(2_000);
    expect((await withCookie(session, 'GET', '/cases', { apiUrl: api.url })).status).toBe(200);
    await sleep(2_500);
    const after = await withCookie(session, 'GET', '/cases', { apiUrl: api.url });
    expect([after.status, after.body.code]).toEqual([401, 'AUTH.SESSION_ENDED']);
    const read = await fetch(`${api.url}/auth/session`, { headers: { Cookie: session.cookie } });
    expect(read.status).toBe(401);
    expect(read.headers.get('set-cookie')).toMatch(/^sg_session=; Max-Age=0;/);
  });

  it('slides while used, but never past its maximum age', async () => {
    const session = await consoleSession('officer.amy', api.url);
    const started = Date.now();
    // A request a second keeps it alive well past the idle timeout...
    while (Date.now() - started < 4_500) {
      expect((await withCookie(session, 'GET', '/auth/session', { apiUrl: api.url })).status).toBe(200);
      await sleep(1_000);
    }
    // ...on the suite's other API process too (sessions live in the shared database)...
    expect((await withCookie(session, 'GET', '/cases', { apiUrl: e2eEnv().apiUrl })).status).toBe(200);
    // ...until the maximum age.
    while (Date.now() - started < 6_500) {
      await withCookie(session, 'GET', '/auth/session', { apiUrl: api.url });
      await sleep(500);
    }
    const after = await withCookie(session, 'GET', '/cases', { apiUrl: api.url });
    expect([after.status, after.body.code]).toEqual([401, 'AUTH.SESSION_ENDED']);
  });

  it('closes an open event stream when the session ends, and the gauge counts it', async () => {
    const session = await consoleSession('supervisor.dan', api.url);
    const before = await openStreams();
    const stream = await openEvents(api.url, { Cookie: session.cookie });
    try {
      expect(stream.status).toBe(200);
      expect(await openStreams()).toBe(before + 1);
      const opened = Date.now();
      // The open stream is not a use: the session ends 2 s after sign-in, and the stream with it.
      await stream.ended;
      expect(Date.now() - opened).toBeLessThan(4_000);
      expect(await openStreams()).toBe(before);
    } finally {
      stream.close();
    }
  });

  it('closes a stream at sign-out', async () => {
    const session = await consoleSession('supervisor.dan', api.url);
    const stream = await openEvents(api.url, { Cookie: session.cookie });
    try {
      expect(stream.status).toBe(200);
      const out = await withCookie(session, 'DELETE', '/auth/session', { apiUrl: api.url });
      expect(out.status).toBe(204);
      const signedOut = Date.now();
      await stream.ended;
      // Checked at the latest at the session's known end (2 s after its last use).
      expect(Date.now() - signedOut).toBeLessThan(3_000);
    } finally {
      stream.close();
    }
  });
});
