import { randomUUID } from 'node:crypto';
import { withDb } from './support/db';
import { e2eEnv } from './support/env';
import { request } from './support/http';
import {
  AMY,
  assess,
  call,
  CAT,
  DAN,
  EVE,
  expectAnswer,
  expectRefusedWithoutWriting,
  openCase,
  review,
  waitForEntry,
  type Actor,
} from './support/lifecycle-api';
import { multiRoleStaffHeaders, staffHeaders } from './support/staff';

/** Issue 13: the on-call rota and each staff member's contact routes, over HTTP (contract in docs/paging.md). */
const { apiUrl, databaseUrl } = e2eEnv();
const ADMIN = { username: 'admin.fay', headers: () => staffHeaders('admin.fay') };
const suffix = randomUUID().slice(0, 8);
const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();

async function account(name: string, roles: string[]): Promise<Actor> {
  const username = `${name}-${suffix}`;
  const headers = await multiRoleStaffHeaders(username, roles);
  return { username, headers: async () => headers };
}

const shift = (actor: Actor, body: Record<string, unknown>) => call(actor, 'POST', '/rota/shifts', body);
const shiftRows = (username: string) =>
  withDb(databaseUrl, async (db) => (await db.query('SELECT * FROM rota_shifts WHERE username = $1', [username])).rows);

describe('the rota', () => {
  let onCall: Actor;
  beforeAll(async () => {
    onCall = await account('rota.oncall', ['on_call']);
  });

  it('admins and supervisors add shifts (201 {id}); everyone who works cases reads them', async () => {
    const first = { username: onCall.username, level: 1, startsAt: hours(24), endsAt: hours(36) };
    const second = { ...first, startsAt: first.endsAt, endsAt: hours(40) };
    const created = await shift(DAN, first);
    expectAnswer(created, 201);
    expect(created.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const next = await shift(ADMIN, second); // back to back is not an overlap
    expectAnswer(next, 201);

    for (const reader of [AMY, CAT, DAN, ADMIN]) {
      const listed = await call(reader, 'GET', `/rota/shifts?from=${hours(20)}&to=${hours(48)}`);
      expectAnswer(listed, 200);
      expect(listed.body.items.filter((s: { username: string }) => s.username === onCall.username)).toEqual([
        { id: created.body.id, ...first },
        { id: next.body.id, ...second },
      ]);
    }
    expectAnswer(await call(EVE, 'GET', '/rota/shifts'), 403);
    expectAnswer(await shift(CAT, { ...first, startsAt: hours(50), endsAt: hours(60) }), 403);
  });

  it('refuses, writing nothing: overlaps (409), end before start, a role that does not fit, unknown accounts (400)', async () => {
    const before = await shiftRows(onCall.username);
    const overlapping = await shift(DAN, {
      username: onCall.username,
      level: 1,
      startsAt: hours(30),
      endsAt: hours(44),
    });
    expectAnswer(overlapping, 409, 'ROTA.OVERLAP');
    const refusals: [Record<string, unknown>, string][] = [
      [
        { username: onCall.username, level: 1, startsAt: hours(60), endsAt: hours(59) },
        'endsAt must be after startsAt',
      ],
      [
        { username: onCall.username, level: 2, startsAt: hours(60), endsAt: hours(70) },
        'level 2 shift is for supervisor',
      ],
      [{ username: 'officer.amy', level: 1, startsAt: hours(60), endsAt: hours(70) }, 'level 1 shift is for on_call'],
      [{ username: `nobody-${suffix}`, level: 1, startsAt: hours(60), endsAt: hours(70) }, 'no active staff account'],
    ];
    for (const [body, message] of refusals) {
      const refused = await shift(DAN, body);
      expectAnswer(refused, 400, 'ROTA.INVALID');
      expect(refused.body.message).toContain(message);
    }
    for (const body of [
      { username: onCall.username, level: 4, startsAt: hours(60), endsAt: hours(70) },
      { username: onCall.username, level: '1', startsAt: hours(60), endsAt: hours(70) },
      { username: onCall.username, level: 1, startsAt: 'tomorrow', endsAt: hours(70) },
      { username: onCall.username, level: 1, startsAt: hours(60), endsAt: hours(70), note: 'x' },
    ])
      expectAnswer(await shift(DAN, body), 400);
    expect(await shiftRows(onCall.username)).toEqual(before);
  });

  it('two overlapping shifts sent at once: exactly one is taken', async () => {
    const person = await account('rota.race', ['supervisor']);
    const body = { username: person.username, level: 2, startsAt: hours(100), endsAt: hours(110) };
    const answers = await Promise.all([
      shift(DAN, body),
      shift(ADMIN, body),
      shift(DAN, { ...body, startsAt: hours(105) }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    expect(await shiftRows(person.username)).toHaveLength(1);
  });

  it('a shift is cancelled (204), not deleted; then it is gone from the rota, and cannot be cancelled twice', async () => {
    const created = await shift(DAN, { username: onCall.username, level: 1, startsAt: hours(200), endsAt: hours(210) });
    expectAnswer(await call(CAT, 'DELETE', `/rota/shifts/${created.body.id}`), 403);
    expectAnswer(await call(ADMIN, 'DELETE', `/rota/shifts/${created.body.id}`), 204);
    const listed = await call(DAN, 'GET', `/rota/shifts?from=${hours(199)}&to=${hours(211)}`);
    expect(listed.body.items.map((s: { id: string }) => s.id)).not.toContain(created.body.id);
    expectAnswer(await call(ADMIN, 'DELETE', `/rota/shifts/${created.body.id}`), 404, 'ROTA.NOT_FOUND');
    expectAnswer(await call(ADMIN, 'DELETE', `/rota/shifts/${randomUUID()}`), 404, 'ROTA.NOT_FOUND');
    expectAnswer(await call(ADMIN, 'DELETE', '/rota/shifts/not-a-uuid'), 400);
    const [row] = (await shiftRows(onCall.username)).filter((r) => r.id === created.body.id);
    expect(row).toMatchObject({ cancelled_by: 'admin.fay' });
    // A shift that has ended stays on the record of who was on call.
    const [ended] = await withDb(
      databaseUrl,
      async (db) =>
        (
          await db.query(
            `INSERT INTO rota_shifts (username, level, starts_at, ends_at, created_by) VALUES ($1, 1, $2, $3, 'test') RETURNING id`,
            [onCall.username, hours(-10), hours(-2)],
          )
        ).rows,
    );
    expectAnswer(await call(ADMIN, 'DELETE', `/rota/shifts/${ended.id}`), 409, 'ROTA.SHIFT_ENDED');
    // The cancelled shift no longer blocks the time.
    expectAnswer(
      await shift(DAN, { username: onCall.username, level: 1, startsAt: hours(200), endsAt: hours(210) }),
      201,
    );
  });
});

describe("each staff member's contact routes", () => {
  it('are kept by that person and by admins (200, the whole set); nobody else (403)', async () => {
    const person = await account('contacts.self', ['on_call']);
    const path = `/staff/${person.username}/contacts`;
    const contacts = {
      email: `${person.username}@example.org`,
      phone: '+44 7700 900321',
      webhookUrl: 'https://chat.example.org/hook/1',
    };
    const own = await call(person, 'PUT', path, contacts);
    expectAnswer(own, 200);
    expect(own.body).toEqual({ username: person.username, ...contacts });
    expect((await call(ADMIN, 'GET', path)).body).toEqual({ username: person.username, ...contacts });

    const byAdmin = await call(ADMIN, 'PUT', path, { email: contacts.email });
    expect(byAdmin.body).toEqual({ username: person.username, email: contacts.email, phone: null, webhookUrl: null });

    for (const other of [AMY, CAT, DAN, EVE]) {
      const refused = await call(other, 'PUT', path, { email: 'someone.else@example.org' });
      expectAnswer(refused, 403);
      expect(JSON.stringify(refused.body)).not.toContain(contacts.email);
      expectAnswer(await call(other, 'GET', path), 403);
    }
    expect((await call(person, 'GET', path)).body.email).toBe(contacts.email);
    expectAnswer(await request(apiUrl, 'PUT', path, { body: {} }), 401);
  });

  it('refuses bad contacts and unknown accounts, writing nothing', async () => {
    const person = await account('contacts.bad', ['supervisor']);
    const path = `/staff/${person.username}/contacts`;
    for (const body of [
      { email: 'not-an-email' },
      { phone: 'call me' },
      { webhookUrl: 'ftp://x.example' },
      { pager: '1' },
    ])
      expectAnswer(await call(person, 'PUT', path, body), 400);
    expect((await call(person, 'GET', path)).body).toEqual({
      username: person.username,
      email: null,
      phone: null,
      webhookUrl: null,
    });
    expectAnswer(await call(ADMIN, 'PUT', `/staff/nobody-${suffix}/contacts`, {}), 404, 'STAFF.NOT_FOUND');
  });
});

describe('acknowledging a page (POST /cases/:id/acknowledge)', () => {
  it('no waiting review: 409; not one of the review’s roles, or the assessor: 403; nothing written', async () => {
    const { caseId } = await openCase({ age: 15 });
    await expectRefusedWithoutWriting(
      caseId,
      () => call(CAT, 'POST', `/cases/${caseId}/acknowledge`, {}),
      409,
      'CASE.NOT_CURRENT_STEP',
    );
    const lead = await account('ack.lead', ['officer', 'supervisor']);
    expectAnswer(await assess(caseId, { age: 15, indicators: ['ONGOING_ABUSE'] }, lead), 200);

    // A NON_EMERGENCY review is for supervisors: on call may not take it; nor may the supervisor who assessed.
    await expectRefusedWithoutWriting(
      caseId,
      () => call(CAT, 'POST', `/cases/${caseId}/acknowledge`, {}),
      403,
      'CASE.FORBIDDEN',
    );
    await expectRefusedWithoutWriting(
      caseId,
      () => call(lead, 'POST', `/cases/${caseId}/acknowledge`, {}),
      403,
      'CASE.FORBIDDEN',
    );
    for (const other of [AMY, EVE, ADMIN])
      await expectRefusedWithoutWriting(caseId, () => call(other, 'POST', `/cases/${caseId}/acknowledge`, {}), 403);
    await expectRefusedWithoutWriting(
      caseId,
      () => call(DAN, 'POST', `/cases/${caseId}/acknowledge`, { level: 1 }),
      400,
    );
    // One of the review's roles: "I have it" is taken by the workflow and logged (no level: nobody is paged).
    const acknowledged = await call(DAN, 'POST', `/cases/${caseId}/acknowledge`, {});
    expectAnswer(acknowledged, 200);
    expect(acknowledged.body).toEqual({
      round: 1,
      acknowledgedBy: DAN.username,
      acknowledgedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    await waitForEntry(caseId, 'review.acknowledged');
    expectAnswer(await review(caseId, DAN, { decision: 'APPROVE' }), 200);
    await expectRefusedWithoutWriting(caseId, () => call(DAN, 'POST', `/cases/${caseId}/acknowledge`, {}), 409);
  });
});
