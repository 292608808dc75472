import { createServer, Server } from 'node:http';
import type { OutgoingMail } from '../mail-sender';
import type { OutgoingSms } from '../sms-sender';
import { DeliveryFailedError } from '../webhook';
import { verifySignature } from '../signature';
import { FakeOutbox, FakeSender, MemoryDirectory, MemoryLedger } from '../testing/fakes';
import { StaffMessenger, StaffRoutes } from './staff-messenger';
import { StaffPager } from './staff-pager';

const NOW = new Date('2026-11-20T22:00:00Z');
const NIGHT = { from: '2026-11-20T18:00:00Z', to: '2026-11-21T08:00:00Z' };
const CANARY = `canary-${Date.now()}`;
const SECRET = 'staff-webhook-secret-0123';
const REQUEST = {
  caseId: '0f4c3a56-8f0e-4f0a-9a55-2a1d2f7d3c11',
  round: 1,
  level: 1 as const,
  repeat: 0,
  deadline: '2026-11-20T22:05:00Z',
};

let hooks: Server;
let hookUrl: string;
const received: { body: string; signature: string; timestamp: string; deliveryId: string }[] = [];
beforeAll(async () => {
  hooks = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        body: Buffer.concat(chunks).toString(),
        signature: String(req.headers['x-signature']),
        timestamp: String(req.headers['x-signature-timestamp']),
        deliveryId: String(req.headers['x-delivery-id']),
      });
      res.end();
    });
  });
  await new Promise<void>((r) => hooks.listen(0, '127.0.0.1', r));
  hookUrl = `http://127.0.0.1:${(hooks.address() as { port: number }).port}/chat`;
});
afterAll(() => new Promise((r) => hooks.close(r)));
beforeEach(() => (received.length = 0));

/** The on-call person's contacts carry the canary: none of it may appear in what they are sent. */
function setUp(routes: Partial<StaffRoutes> = {}, contacts = true, now = NOW) {
  const staff = new MemoryDirectory([
    {
      username: 'oncall.cat',
      roles: ['on_call'],
      shifts: [{ level: 1, ...NIGHT }],
      contacts: contacts
        ? { email: `${CANARY}@example.org`, phone: '+44 7700 900123', webhookUrl: hookUrl }
        : { email: null, phone: null, webhookUrl: null },
    },
  ]);
  const mail = new FakeSender<OutgoingMail>();
  const sms = new FakeSender<OutgoingSms>();
  const ledger = new MemoryLedger();
  const messenger = new StaffMessenger(ledger, {
    mail,
    sms: { sender: sms, templateId: 'staff-template' },
    webhookSecret: SECRET,
    ...routes,
  });
  const pager = new StaffPager(
    staff,
    messenger,
    { consoleBaseUrl: 'https://sg.example.org', leadUsernames: [] },
    () => now,
  );
  return { pager, mail, sms, ledger };
}

describe('sending a page', () => {
  it('goes to the person on call by each of their routes, and says who got it by which', async () => {
    const { pager, mail, sms } = setUp();
    const outcome = await pager.page(REQUEST);
    expect(outcome).toEqual({
      level: 1,
      repeat: 0,
      paged: [{ username: 'oncall.cat', routes: ['email', 'sms', 'webhook'] }],
      unreachable: [],
      failed: [],
      nobody: false,
    });
    expect(mail.sent.map((m) => m.to)).toEqual([`${CANARY}@example.org`]);
    expect(sms.sent.map((m) => [m.to, m.templateId])).toEqual([['+44 7700 900123', 'staff-template']]);
    expect(received).toHaveLength(1);
    expect(verifySignature(SECRET, received[0].body, received[0].signature, received[0].timestamp)).toBe(true);
  });

  it('a retried or re-run page sends nothing twice, and keeps its delivery ids', async () => {
    const { pager, mail, sms } = setUp();
    const first = await pager.page(REQUEST);
    const again = await pager.page(REQUEST);
    expect(again).toEqual(first);
    expect([mail.sent.length, sms.sent.length, received.length]).toEqual([1, 1, 1]);
    // The next repeat is a new page.
    await pager.page({ ...REQUEST, repeat: 1 });
    expect([mail.sent.length, sms.sent.length, received.length]).toEqual([2, 2, 2]);
    expect(new Set([mail.sent[0].deliveryId, sms.sent[0].deliveryId, received[0].deliveryId]).size).toBe(3);
    expect(mail.sent[1].deliveryId).not.toBe(mail.sent[0].deliveryId);
  });

  it('a route that failed is sent again on retry; the ones that went are not', async () => {
    const { pager, mail, sms } = setUp();
    sms.failing = new DeliveryFailedError('SMS through GOV.UK Notify failed: 503');
    const first = await pager.page(REQUEST);
    expect(first.paged).toEqual([{ username: 'oncall.cat', routes: ['email', 'webhook'] }]);
    sms.failing = undefined;
    const retried = await pager.page(REQUEST);
    expect(retried.paged).toEqual([{ username: 'oncall.cat', routes: ['email', 'sms', 'webhook'] }]);
    expect([mail.sent.length, sms.sent.length, received.length]).toEqual([1, 1, 1]);
  });

  it('says the level, the deadline and the link, and nothing of the person or the case', async () => {
    const { pager, mail, sms } = setUp();
    await pager.page({ ...REQUEST, repeat: 2 });
    const body = JSON.parse(received[0].body);
    expect(Object.keys(body).sort()).toEqual(['deadline', 'level', 'link', 'repeat', 'text', 'type']);
    expect(body).toMatchObject({
      type: 'staff.page',
      level: 1,
      repeat: 2,
      deadline: REQUEST.deadline,
      link: `https://sg.example.org/console/cases/${REQUEST.caseId}`,
    });
    for (const text of [body.text, mail.sent[0].text, mail.sent[0].subject, sms.sent[0].message]) {
      expect(text).toContain('level 1');
      expect(text).not.toContain(CANARY);
      expect(text).not.toMatch(/7700|oncall\.cat/);
    }
    expect(mail.sent[0].text).toContain(`https://sg.example.org/console/cases/${REQUEST.caseId}`);
    expect(mail.sent[0].text).toContain('22:05');
  });

  it('nobody on call: nobody is paged, and the outcome says so', async () => {
    const { pager, mail } = setUp({}, true, new Date('2026-11-21T12:00:00Z'));
    expect(await pager.page(REQUEST)).toMatchObject({ paged: [], nobody: true, unreachable: [], failed: [] });
    expect(mail.sent).toEqual([]);
  });

  it('in production a person with no usable route is unreachable; in development the outbox stands in', async () => {
    const production = setUp({}, false);
    expect(await production.pager.page(REQUEST)).toMatchObject({
      paged: [],
      unreachable: ['oncall.cat'],
      nobody: true,
    });

    const outbox = new FakeOutbox();
    const development = setUp({ outbox }, false);
    expect(await development.pager.page(REQUEST)).toMatchObject({
      paged: [{ username: 'oncall.cat', routes: ['development-outbox'] }],
      nobody: false,
    });
    expect(outbox.written).toEqual([expect.objectContaining({ kind: 'staff.page', recipient: 'oncall.cat' })]);
  });

  it('every route failing: nobody was paged, and who failed is named', async () => {
    const { pager, mail, sms } = setUp({ webhookSecret: undefined });
    mail.failing = new DeliveryFailedError('email failed: ECONNREFUSED');
    sms.failing = new DeliveryFailedError('SMS through GOV.UK Notify failed: 500');
    expect(await pager.page(REQUEST)).toMatchObject({ paged: [], failed: ['oncall.cat'], nobody: true });
  });
});
