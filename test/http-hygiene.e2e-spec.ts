import { get } from 'node:http';
import { e2eEnv } from './support/env';
import { request } from './support/http';
import { staffHeaders } from './support/staff';

const { apiUrl } = e2eEnv();

describe('HTTP hygiene (issue 10)', () => {
  it('answers Cache-Control: no-store everywhere: reads, errors, refusals, unknown paths', async () => {
    const officer = await staffHeaders('officer.amy');
    const answers = await Promise.all([
      fetch(`${apiUrl}/cases`, { headers: officer }),
      fetch(`${apiUrl}/health`),
      fetch(`${apiUrl}/cases`),
      fetch(`${apiUrl}/cases/not-a-case`, { headers: officer }),
      fetch(`${apiUrl}/no-such-path`),
    ]);
    expect(answers.map((a) => [a.status, a.headers.get('cache-control')])).toEqual([
      [200, 'no-store'],
      [200, 'no-store'],
      [401, 'no-store'],
      [expect.any(Number), 'no-store'],
      [404, 'no-store'],
    ]);
  });

  it('keeps idle connections longer than clients and proxies do (65 s), so a paused client never loses a request', async () => {
    const keepAlive = await new Promise<string | undefined>((resolve, reject) =>
      get(`${apiUrl}/health`, (res) => {
        res.resume();
        resolve(String(res.headers['keep-alive']));
      }).on('error', reject),
    );
    expect(keepAlive).toBe('timeout=65');
  });

  it('bounds an error body: a 98 KB list of unknown indicators gets a short 400, not megabytes', async () => {
    const indicators = Array.from({ length: 12_200 }, (_, i) => `X${i}`);
    const body = {
      occurredAt: '2026-11-20T21:15:00Z',
      channel: 'boards',
      adultAtRisk: false,
      indicators,
      declaredSafe: false,
      informationComplete: true,
      hasSocialWorker: false,
    };
    expect(JSON.stringify(body).length).toBeGreaterThan(97_000);
    const response = await fetch(`${apiUrl}/policy/evaluate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await staffHeaders('officer.amy')) },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(text.length).toBeLessThan(20_000);
    const answer = JSON.parse(text);
    expect(answer.errors.length).toBeGreaterThan(0);
    expect(answer.errors.length).toBeLessThanOrEqual(20);
    expect(answer.errors[0]).toEqual({
      field: 'indicators',
      message: expect.stringContaining('unknown indicator "X0"'),
    });
  });

  it('reports at most 20 field problems, and how many more there were', async () => {
    const unknownFields = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`field${i}`, i]));
    const answer = await request(apiUrl, 'POST', '/policy/evaluate', {
      body: unknownFields,
      headers: await staffHeaders('officer.amy'),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toHaveLength(20);
    expect(answer.body.errorsOmitted).toBeGreaterThan(400);
  });

  it('serves the OpenAPI document in development (the suite runs with SAFEGUARDING_DEV=1)', async () => {
    expect((await request(apiUrl, 'GET', '/docs-json')).status).toBe(200);
  });
});
