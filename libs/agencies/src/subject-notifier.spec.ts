import { PermanentDeliveryError } from './delivery-errors';
import type { OutgoingMail } from './mail-sender';
import type { SubjectNotification } from './messages';
import type { OutgoingSms } from './sms-sender';
import { SubjectNotifier, SubjectRoutes } from './subject-notifier';
import { FakeOutbox, FakeSender, MemoryLedger } from './testing/fakes';

const NOTIFICATION: SubjectNotification = {
  type: 'subject.notification',
  caseId: '6b1b5d2e-3a57-4f55-9d4e-1c2f0d9a8e77',
  externalUserId: 'user-1',
  agency: 'EMERGENCY_SERVICES',
  level: 'EMERGENCY',
  sharedData: { name: 'Robin Example', phone: '+44 7700 900456' },
  reason: 'We were worried that a life was in immediate danger.',
  sentAt: '2026-11-20T21:20:00Z',
};
const ID = `${NOTIFICATION.caseId}:EMERGENCY_SERVICES`;

function notifier(routes: Partial<SubjectRoutes>) {
  const mail = new FakeSender<OutgoingMail>();
  const sms = new FakeSender<OutgoingSms>();
  const ledger = new MemoryLedger();
  const all = { mail, sms: { sender: sms, templateId: 'subject-template' }, ledger, ...routes };
  return { subjects: new SubjectNotifier(all), mail, sms, ledger };
}

describe('telling a young person', () => {
  it('by email: one message to their address, in plain words, with no shared values', async () => {
    const { subjects, mail } = notifier({});
    expect(await subjects.deliver({ route: 'email', notification: NOTIFICATION, to: 'yp@example.org' }, ID)).toBe(
      'email',
    );
    expect(mail.sent).toHaveLength(1);
    expect(mail.sent[0]).toMatchObject({ to: 'yp@example.org', deliveryId: ID });
    expect(mail.sent[0].text).toContain('your name and your phone number with the emergency services (999)');
    expect(mail.sent[0].text).toContain(NOTIFICATION.reason);
    expect(mail.sent[0].text).not.toMatch(/Robin|7700/);
  });

  it('by SMS: through the Notify template, with the same words', async () => {
    const { subjects, sms } = notifier({});
    expect(await subjects.deliver({ route: 'sms', notification: NOTIFICATION, to: '+44 7700 900999' }, ID)).toBe('sms');
    expect(sms.sent).toEqual([
      expect.objectContaining({ to: '+44 7700 900999', templateId: 'subject-template', deliveryId: ID }),
    ]);
    expect(sms.sent[0].message).toContain('with the emergency services (999)');
  });

  it('a retry after a delivery that went sends nothing more', async () => {
    const { subjects, mail } = notifier({});
    const delivery = { route: 'email' as const, notification: NOTIFICATION, to: 'yp@example.org' };
    await subjects.deliver(delivery, ID);
    await subjects.deliver(delivery, ID);
    expect(mail.sent).toHaveLength(1);
  });

  it('a database that does not answer never stops the message (nor spends an attempt)', async () => {
    const ledger = new MemoryLedger();
    ledger.claim = () => Promise.reject(new Error('connection refused'));
    const { subjects, mail } = notifier({ ledger });
    await subjects.deliver({ route: 'email', notification: NOTIFICATION, to: 'yp@example.org' }, ID);
    expect(mail.sent).toHaveLength(1);
  });

  it('production: a route that is not configured is refused for good, and nothing is parked', async () => {
    const { subjects } = notifier({ sms: undefined });
    await expect(
      subjects.deliver({ route: 'sms', notification: NOTIFICATION, to: '+44 7700 900999' }, ID),
    ).rejects.toBeInstanceOf(PermanentDeliveryError);
  });

  it('development: the outbox stands in, and the route says so', async () => {
    const outbox = new FakeOutbox();
    const { subjects } = notifier({ sms: undefined, outbox });
    expect(await subjects.deliver({ route: 'sms', notification: NOTIFICATION, to: '+44 7700 900999' }, ID)).toBe(
      'development-outbox',
    );
    expect(outbox.written).toEqual([expect.objectContaining({ kind: 'subject.notification.sms', dedupeKey: ID })]);
  });
});
