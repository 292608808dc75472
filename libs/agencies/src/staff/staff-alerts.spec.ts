import type { OutgoingMail } from '../mail-sender';
import { DeliveryFailedError } from '../webhook';
import { FakeOutbox, FakeSender, MemoryDirectory, MemoryLedger } from '../testing/fakes';
import { StaffAlerts } from './staff-alerts';
import { StaffMessenger } from './staff-messenger';

const NOW = new Date('2026-11-20T22:00:00Z');
const ALERT = {
  caseId: '2d8c7d4b-0a7a-4c55-8d8e-5b8f8a1c2f33',
  role: 'supervisor',
  key: 'review.escalated:1:1',
  message: 'A NON_EMERGENCY review is overdue (escalation 1)',
};
const staff = new MemoryDirectory([
  {
    username: 'supervisor.dan',
    roles: ['supervisor'],
    contacts: { email: 'dan@example.org', phone: null, webhookUrl: null },
  },
  { username: 'supervisor.joe', roles: ['supervisor'], contacts: { email: null, phone: null, webhookUrl: null } },
  {
    username: 'officer.amy',
    roles: ['officer'],
    contacts: { email: 'amy@example.org', phone: null, webhookUrl: null },
  },
]);

function alerts(outbox?: FakeOutbox) {
  const mail = new FakeSender<OutgoingMail>();
  const messenger = new StaffMessenger(new MemoryLedger(), { mail });
  return { alerts: new StaffAlerts(staff, messenger, 'https://sg.example.org', outbox, () => NOW), mail };
}

describe('staff alerts', () => {
  it('reach the role by its members’ routes, once per alert however often it is retried', async () => {
    const { alerts: sender, mail } = alerts();
    const outcome = await sender.alert(ALERT);
    await sender.alert(ALERT);
    expect(outcome).toEqual({
      alerted: [{ username: 'supervisor.dan', routes: ['email'] }],
      missed: ['supervisor.joe'],
    });
    expect(mail.sent.map((m) => m.to)).toEqual(['dan@example.org']);
    expect(mail.sent[0].text).toBe(
      `${ALERT.message}. Open the case: https://sg.example.org/console/cases/${ALERT.caseId}`,
    );
  });

  it('a mail server that is down is reported, not thrown: an alert never holds up the escalation', async () => {
    const { alerts: sender, mail } = alerts();
    mail.failing = new DeliveryFailedError('email failed: ECONNREFUSED');
    expect(await sender.alert(ALERT)).toEqual({ alerted: [], missed: ['supervisor.dan', 'supervisor.joe'] });
  });

  it('development also writes each alert to the outbox for the role; production has no outbox to write to', async () => {
    const outbox = new FakeOutbox();
    await alerts(outbox).alerts.alert(ALERT);
    expect(outbox.written).toEqual([
      expect.objectContaining({ kind: 'staff.notification', recipient: 'supervisor', caseId: ALERT.caseId }),
    ]);
  });
});
