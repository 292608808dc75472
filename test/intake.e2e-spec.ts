import { randomUUID } from 'node:crypto';
import { withDb } from './support/db';
import { disclosure } from './support/disclosures';
import { e2eEnv } from './support/env';
import { request } from './support/http';
import { platformHeaders, staffHeaders } from './support/staff';

const { apiUrl, databaseUrl } = e2eEnv();
const post = (body: unknown, headers: Record<string, string> = {}) =>
  request(apiUrl, 'POST', '/disclosures', { body, headers: { ...platformHeaders(), ...headers } });

async function rowsMarked(marker: string): Promise<number> {
  return withDb(databaseUrl, async (db) => {
    const { rows } = await db.query(
      'SELECT count(*)::int AS n FROM cases WHERE summary LIKE $1 OR subject_external_user_id LIKE $1',
      [`%${marker}%`],
    );
    return rows[0].n as number;
  });
}

describe('POST /disclosures', () => {
  it('opens a case awaiting assessment, stored once, with case.opened as the first log entry', async () => {
    const marker = randomUUID();
    const created = await post(disclosure(marker));
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ caseId: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'AWAITING_ASSESSMENT' });

    const found = await request(apiUrl, 'GET', `/cases/${created.body.caseId}`, {
      headers: await staffHeaders('officer.amy'),
    });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      id: created.body.caseId,
      status: 'AWAITING_ASSESSMENT',
      channel: 'boards',
      subject: { age: 15 },
    });
    expect(await rowsMarked(marker)).toBe(1);
  });

  it('returns the same case for a repeated Idempotency-Key, without a second row', async () => {
    const marker = randomUUID();
    const key = `retry-${marker}`;
    const first = await post(disclosure(marker), { 'Idempotency-Key': key });
    const second = await post(disclosure(marker), { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.caseId).toBe(first.body.caseId);
    expect(await rowsMarked(marker)).toBe(1);
  });

  it('makes one case from 20 parallel requests with one Idempotency-Key', async () => {
    const marker = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => post(disclosure(marker), { 'Idempotency-Key': `burst-${marker}` })),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(19);
    expect(new Set(responses.map((r) => r.body.caseId)).size).toBe(1);
    expect(await rowsMarked(marker)).toBe(1);
  });

  it('refuses a reused Idempotency-Key with a different disclosure, and writes nothing new', async () => {
    const marker = randomUUID();
    const key = `reuse-${marker}`;
    await post(disclosure(marker), { 'Idempotency-Key': key });
    const changed = await post(disclosure(marker, { channel: 'helpline' }), { 'Idempotency-Key': key });
    expect(changed.status).toBe(422);
    expect(changed.body.code).toBe('INTAKE.IDEMPOTENCY_KEY_REUSED');
    expect(await rowsMarked(marker)).toBe(1);
  });

  const invalid: [string, (marker: string) => unknown, string][] = [
    ['a missing channel', (m) => ({ ...disclosure(m), channel: undefined }), 'channel'],
    ['an unknown channel', (m) => ({ ...disclosure(m), channel: 'carrier_pigeon' }), 'channel'],
    ['an occurredAt that is not a date', (m) => ({ ...disclosure(m), occurredAt: 'last Tuesday' }), 'occurredAt'],
    ['an occurredAt in the future', (m) => ({ ...disclosure(m), occurredAt: '2099-01-01T00:00:00Z' }), 'occurredAt'],
    ['an unknown top-level field', (m) => ({ ...disclosure(m), priority: 'high' }), 'priority'],
    [
      'an unknown nested field',
      (m) => ({ ...disclosure(m), subject: { externalUserId: `user-${m}`, nickname: 'x' } }),
      'subject.nickname',
    ],
    ['a summary over the size limit', (m) => ({ ...disclosure(m), summary: `${m} ${'x'.repeat(10_001)}` }), 'summary'],
    ['an empty summary', (m) => ({ ...disclosure(m), summary: '' }), 'summary'],
    ['a missing subject', (m) => ({ ...disclosure(m), subject: undefined }), 'subject'],
    ['a subject that is a string', (m) => ({ ...disclosure(m), subject: `user-${m}` }), 'subject'],
    ['an age of 130', (m) => ({ ...disclosure(m), subject: { externalUserId: `user-${m}`, age: 130 } }), 'subject.age'],
    [
      'an age given as text',
      (m) => ({ ...disclosure(m), subject: { externalUserId: `user-${m}`, age: '15' } }),
      'subject.age',
    ],
    [
      'an identifying field outside the allowed list',
      (m) => ({ ...disclosure(m), identifying: { school: 'x' } }),
      'identifying.school',
    ],
    ['a NUL character in the summary', (m) => ({ ...disclosure(m), summary: `${m} \u0000` }), 'summary'],
  ];

  it.each(invalid)('refuses %s with 400 naming the field, and writes nothing', async (_name, make, field) => {
    const marker = randomUUID();
    const response = await post(make(marker));
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await rowsMarked(marker)).toBe(0);
  });

  it('refuses malformed JSON with 400, and writes nothing', async () => {
    const marker = randomUUID();
    const response = await request(apiUrl, 'POST', '/disclosures', {
      rawBody: `{"channel":"boards","summary":"${marker}",`,
      headers: platformHeaders(),
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/JSON/);
    expect(await rowsMarked(marker)).toBe(0);
  });

  it('refuses a malformed Idempotency-Key with 400, and writes nothing', async () => {
    const marker = randomUUID();
    const response = await post(disclosure(marker), { 'Idempotency-Key': 'x'.repeat(201) });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('Idempotency-Key');
    expect(await rowsMarked(marker)).toBe(0);
  });
});

describe('GET /cases/:id', () => {
  it('answers 404 for an unknown case and 400 for an id that is not a UUID', async () => {
    const headers = await staffHeaders('officer.amy');
    expect((await request(apiUrl, 'GET', `/cases/${randomUUID()}`, { headers })).status).toBe(404);
    expect((await request(apiUrl, 'GET', '/cases/not-a-uuid', { headers })).status).toBe(400);
  });
});
