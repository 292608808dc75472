import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createRoutes, RouteSettings } from '@sg/agencies';
import { dataSourceOptions } from '@sg/persistence';
import { CaughtMail, MailCatcher, startMailCatcher } from '../scripts/stack/mail-catcher';
import { withDb } from './support/db';
import { disclosure } from './support/disclosures';
import { e2eEnv } from './support/env';
import { call, expectAnswer, PLATFORM, waitForEntry, type Actor } from './support/lifecycle-api';
import { NOTIFY_API_KEY, NOTIFY_TEMPLATES, NotifyRequest, NotifyStandIn } from './support/notify-stand-in';
import { multiRoleStaffHeaders, staffHeaders } from './support/staff';
import { ReceivedDelivery, WEBHOOK_SECRET, WebhookReceiver } from './support/webhook-receiver';

/**
 * Issue 13, the sending side of paging, against the suite's PostgreSQL (the rota, contacts and deliveries tables,
 * as the service's least-privileged login) and real receivers in this process: an SMTP server, a GOV.UK Notify
 * stand-in and a webhook receiver. The workflow's paging loop will call exactly this (the pageStaff activity).
 * Shifts are booked a year and more ahead and the pager's clock set inside them, so the suite's other cases,
 * paged at today's time, never see these people.
 */
const { serviceDatabaseUrl, databaseUrl } = e2eEnv();
const ADMIN = { username: 'admin.fay', headers: () => staffHeaders('admin.fay') };
const suffix = randomUUID().slice(0, 8);
const DAY = 86_400_000;
const NIGHT_START = Date.now() + (400 + Math.floor(Math.random() * 300)) * DAY;
const iso = (ms: number) => new Date(ms).toISOString();
const DURING_NIGHT = new Date(NIGHT_START + 3_600_000);
const EMPTY_DAY = new Date(NIGHT_START + 2 * DAY); // nobody on the rota

let dataSource: DataSource;
let mail: MailCatcher;
const notify = new NotifyStandIn();
const hooks = new WebhookReceiver();
const marker = randomUUID();
let caseId: string;
const people: Record<'cat' | 'dan' | 'lead' | 'mute', Actor & { email?: string; phone?: string }> = {} as never;

function settings(overrides: Partial<RouteSettings> = {}): RouteSettings {
  return {
    production: true,
    referralWebhooks: {},
    referralWebhookSecret: '',
    smtp: { url: mail.smtpUrl, from: 'Safeguarding <safeguarding@test.invalid>' },
    notify: { apiKey: NOTIFY_API_KEY, baseUrl: notify.url, ...templates() },
    staffWebhookSecret: WEBHOOK_SECRET,
    consoleBaseUrl: 'https://sg.example.org',
    leadUsernames: [`page.lead-${suffix}`],
    pageAckTimeoutMs: 120_000,
    ...overrides,
  };
}
const templates = () => ({
  subjectTemplateId: NOTIFY_TEMPLATES.NOTIFY_TEMPLATE_SUBJECT_SMS,
  staffTemplateId: NOTIFY_TEMPLATES.NOTIFY_TEMPLATE_STAFF_SMS,
});

/** A fresh pager, as a worker (re)started to run the activity would build it. */
const pager = (at: Date, overrides?: Partial<RouteSettings>) =>
  createRoutes(settings(overrides), dataSource, () => at).pager;
const page = (level: 1 | 2 | 3, repeat = 0, at = DURING_NIGHT) =>
  pager(at).page({ caseId, round: 1, level, repeat, deadline: iso(NIGHT_START + 3_900_000) });

async function received(): Promise<{ mails: CaughtMail[]; sms: NotifyRequest[]; hooks: ReceivedDelivery[] }> {
  const mails = (await (await fetch(`${mail.viewerUrl}/messages`)).json()) as CaughtMail[];
  const sms = (await (await fetch(`${notify.url}/received`)).json()) as NotifyRequest[];
  return { mails, sms, hooks: (await (await fetch(`${hooks.url}/received`)).json()) as ReceivedDelivery[] };
}

async function person(name: keyof typeof people, roles: string[], contacts: boolean): Promise<void> {
  const username = `page.${name}-${suffix}`;
  const headers = await multiRoleStaffHeaders(username, roles);
  const actor = { username, headers: async () => headers };
  const details = contacts
    ? {
        email: `${username}@example.org`,
        phone: `+44 7700 90${Math.floor(1000 + Math.random() * 8999)}`,
        webhookUrl: `${hooks.url}/chat/${username}`,
      }
    : {};
  expectAnswer(await call(actor, 'PUT', `/staff/${username}/contacts`, details), 200);
  people[name] = { ...actor, ...details };
}

beforeAll(async () => {
  mail = await startMailCatcher();
  await notify.start();
  await hooks.start();
  dataSource = await new DataSource(dataSourceOptions(serviceDatabaseUrl)).initialize();

  const created = await call(PLATFORM, 'POST', '/disclosures', disclosure(marker));
  expectAnswer(created, 201);
  caseId = created.body.caseId;
  await waitForEntry(caseId, 'case.opened');

  await person('cat', ['on_call'], true);
  await person('dan', ['supervisor'], true);
  await person('lead', ['supervisor'], true);
  await person('mute', ['on_call'], false);
  const night = { startsAt: iso(NIGHT_START), endsAt: iso(NIGHT_START + 12 * 3_600_000) };
  expectAnswer(await call(ADMIN, 'POST', '/rota/shifts', { username: people.cat.username, level: 1, ...night }), 201);
  expectAnswer(await call(ADMIN, 'POST', '/rota/shifts', { username: people.dan.username, level: 2, ...night }), 201);
});

afterAll(async () => {
  await dataSource?.destroy();
  await Promise.all([mail?.stop(), notify.stop(), hooks.stop()]);
});

describe('paging: who, by which routes, once', () => {
  it('level 1 reaches whoever is on call by email, SMS and signed webhook, and says so', async () => {
    const outcome = await page(1);
    expect(outcome).toEqual({
      level: 1,
      repeat: 0,
      paged: [{ username: people.cat.username, routes: ['email', 'sms', 'webhook'] }],
      unreachable: [],
      failed: [],
      nobody: false,
    });
    const { mails, sms, hooks: chat } = await received();
    expect(mails.map((m) => m.to)).toEqual([[people.cat.email]]);
    expect(sms.map((s) => [s.authorized, s.body.phone_number, s.body.template_id])).toEqual([
      [true, people.cat.phone, NOTIFY_TEMPLATES.NOTIFY_TEMPLATE_STAFF_SMS],
    ]);
    expect(chat.map((d) => [d.path, d.signatureValid, d.body.type])).toEqual([
      [`/chat/${people.cat.username}`, true, 'staff.page'],
    ]);
  });

  it('a retried or re-run page (a new worker, the same key) sends nothing twice; delivery ids are the ledger’s', async () => {
    expect((await page(1)).paged).toEqual([{ username: people.cat.username, routes: ['email', 'sms', 'webhook'] }]);
    await Promise.all([page(1), page(1)]);
    const { mails, sms, hooks: chat } = await received();
    expect([mails.length, sms.length, chat.length]).toEqual([1, 1, 1]);

    const rows = await withDb(
      databaseUrl,
      async (db) =>
        (await db.query(`SELECT id, route, sent_at FROM deliveries WHERE case_id = $1 ORDER BY route`, [caseId])).rows,
    );
    expect(rows.map((r) => r.route)).toEqual(['email', 'sms', 'webhook']);
    expect(rows.every((r) => r.sent_at !== null)).toBe(true);
    const ids = new Set(rows.map((r) => r.id));
    expect(ids).toEqual(new Set([mails[0].deliveryId, sms[0].body.reference, chat[0].deliveryId]));
  });

  it('the next repeat is a new page; level 2 is the supervisor on the rota; level 3 the configured lead', async () => {
    expect((await page(1, 1)).paged.map((p) => p.username)).toEqual([people.cat.username]);
    expect((await page(2)).paged.map((p) => p.username)).toEqual([people.dan.username]);
    expect((await page(3)).paged.map((p) => p.username)).toEqual([people.lead.username]);
    const { mails } = await received();
    expect(mails.map((m) => m.to[0])).toEqual([
      people.cat.email,
      people.cat.email,
      people.dan.email,
      people.lead.email,
    ]);
  });

  it('nobody on call: nobody is paged, and the outcome says so (the workflow escalates)', async () => {
    expect(await page(1, 0, EMPTY_DAY)).toMatchObject({ paged: [], nobody: true, unreachable: [], failed: [] });
  });

  it('production: on call but with no route is unreachable, and nothing reaches the outbox', async () => {
    const window = { startsAt: iso(EMPTY_DAY.getTime() - 3_600_000), endsAt: iso(EMPTY_DAY.getTime() + 3_600_000) };
    expectAnswer(
      await call(ADMIN, 'POST', '/rota/shifts', { username: people.mute.username, level: 1, ...window }),
      201,
    );
    expect(await page(1, 5, EMPTY_DAY)).toMatchObject({ paged: [], unreachable: [people.mute.username], nobody: true });
    const outboxed = await withDb(
      databaseUrl,
      async (db) =>
        (await db.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE case_id = $1`, [caseId])).rows[0].n,
    );
    expect(outboxed).toBe(0);
  });

  it('every page says the level, the deadline and the link, and nothing of the disclosure, the young person or staff', async () => {
    const { mails, sms, hooks: chat } = await received();
    const texts = [
      ...mails.flatMap((m) => [m.subject, m.text]),
      ...sms.map((s) => JSON.stringify(s.body.personalisation)),
      ...chat.map((d) => JSON.stringify(d.body)),
    ];
    // Messages about this case carry its link on the configured console address. (The shared stack's other cases
    // may alert the same people meanwhile; the check below for personal data covers those too.)
    const link = `https://sg.example.org/console/cases/${caseId}`;
    const ours = texts.filter((t) => t.includes(caseId));
    expect(ours.length).toBeGreaterThan(0);
    for (const text of ours) expect(text).toContain(link);
    const needles = [
      marker,
      'Sam Example',
      '7700 900123',
      ...Object.values(people).flatMap((p) => [p.username, p.email, p.phone]),
    ];
    expect(texts.flatMap((t) => needles.filter((n) => n && t.includes(n)))).toEqual([]);
  });
});
