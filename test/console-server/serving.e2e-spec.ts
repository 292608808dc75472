import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { e2eEnv } from '../support/env';
import { staffHeaders } from '../support/staff';
import { consoleFixture, ExtraApi, startExtraApi } from './extra-api';

/** Issue 12: the console on the API's origin, and security headers on everything the process serves. */
const CSP =
  "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self' data:;" +
  "connect-src 'self';frame-ancestors 'none';base-uri 'self';form-action 'self';object-src 'none'";

let built: ExtraApi;
let notBuilt: ExtraApi;

beforeAll(async () => {
  [built, notBuilt] = await Promise.all([
    startExtraApi({ CONSOLE_DIR: consoleFixture() }),
    startExtraApi({ CONSOLE_DIR: mkdtempSync(join(tmpdir(), 'sg-console-empty-')) }),
  ]);
});
afterAll(async () => {
  await Promise.all([built?.stop(), notBuilt?.stop()]);
});

const get = (url: string) => fetch(url, { redirect: 'manual' });

describe('serving the console', () => {
  it('redirects / and /console to /console/', async () => {
    for (const path of ['/', '/console']) {
      const answer = await get(`${built.url}${path}`);
      expect([path, answer.status, answer.headers.get('location')]).toEqual([path, 302, '/console/']);
    }
  });

  it('answers index.html, never cached, at /console/ and at any page of the app (so a case page can be reloaded)', async () => {
    for (const path of ['/console/', '/console/index.html', '/console/cases/3f0c1a52-0000-4000-8000-000000000000']) {
      const answer = await get(`${built.url}${path}`);
      expect([path, answer.status, answer.headers.get('cache-control')]).toEqual([path, 200, 'no-cache']);
      expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await answer.text()).toContain('<title>Console fixture</title>');
    }
  });

  it('serves built assets with a long cache, and a missing asset is a 404, not the page', async () => {
    const asset = await get(`${built.url}/console/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(await asset.text()).toContain('fixture');
    const missing = await get(`${built.url}/console/assets/index-gone.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/json/);
  });

  it('keeps the API on its own paths', async () => {
    const cases = await fetch(`${built.url}/cases`, { headers: await staffHeaders('officer.amy') });
    expect(cases.status).toBe(200);
    expect(Array.isArray(((await cases.json()) as { items: unknown }).items)).toBe(true);
  });

  it('answers 503 with what to do when the console is not built', async () => {
    for (const path of ['/console/', '/console/cases/3f0c1a52-0000-4000-8000-000000000000']) {
      const answer = await get(`${notBuilt.url}${path}`);
      expect([path, answer.status]).toEqual([path, 503]);
      expect(answer.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await answer.text()).toContain('npm run build');
    }
  });
});

describe('security headers on everything the process serves', () => {
  const expectHeaders = (answer: Response, what: string) => {
    expect([what, answer.headers.get('content-security-policy')]).toEqual([what, CSP]);
    expect([what, answer.headers.get('referrer-policy')]).toEqual([what, 'no-referrer']);
    expect([what, answer.headers.get('x-content-type-options')]).toEqual([what, 'nosniff']);
    expect([what, answer.headers.get('x-frame-options')]).toEqual([what, 'DENY']);
    // Development over http: no HSTS (production is checked in boot-refusal's production start).
    expect([what, answer.headers.get('strict-transport-security')]).toEqual([what, null]);
  };

  it('on the console, its assets, the 503, API JSON, API errors and unknown paths', async () => {
    const { apiUrl } = e2eEnv();
    const officer = await staffHeaders('officer.amy');
    const answers: [string, Response][] = [
      ['console page', await get(`${built.url}/console/cases/x`)],
      ['asset', await get(`${built.url}/console/assets/index-abc123.js`)],
      ['redirect', await get(`${built.url}/`)],
      ['not built', await get(`${notBuilt.url}/console/`)],
      ['API JSON', await fetch(`${apiUrl}/cases`, { headers: officer })],
      ['401', await fetch(`${apiUrl}/cases`)],
      ['400', await fetch(`${apiUrl}/cases?level=NOPE`, { headers: officer })],
      ['404', await fetch(`${apiUrl}/no-such-path`)],
      ['health', await fetch(`${apiUrl}/health`)],
    ];
    for (const [what, answer] of answers) expectHeaders(answer, what);
    expect(answers.map(([what, a]) => [what, a.status])).toEqual([
      ['console page', 200],
      ['asset', 200],
      ['redirect', 302],
      ['not built', 503],
      ['API JSON', 200],
      ['401', 401],
      ['400', 400],
      ['404', 404],
      ['health', 200],
    ]);
  });

  it('relaxes only the OpenAPI page (development only) to allow its inline styles', async () => {
    const docs = await get(`${e2eEnv().apiUrl}/docs`);
    expect(docs.headers.get('content-security-policy')).toContain("style-src 'self' 'unsafe-inline'");
    expect(docs.headers.get('content-security-policy')).toContain("script-src 'self';");
    const notDocs = await get(`${e2eEnv().apiUrl}/docsx`);
    expect(notDocs.headers.get('content-security-policy')).toBe(CSP);
  });
});
