import { randomUUID } from 'node:crypto';
import { NOTIFY_TEMPLATES } from './support/notify-stand-in';
import { mailTo, smsWithReference } from './support/mail-and-sms';
import { eventually } from './support/eventually';
import {
  AMY,
  as,
  assess,
  caseView,
  CAT,
  deliveries,
  entriesOf,
  expectAnswer,
  expectRefusedWithoutWriting,
  logOf,
  openCase,
  refer,
  review,
  waitForEntry,
} from './support/lifecycle-api';

/**
 * Issue 13: every route to a young person is real or honestly refused. The suite's stack sends email to an SMTP
 * server and SMS to a GOV.UK Notify stand-in, both running in the test process (global-setup).
 */
const SHARED = { name: 'Sam Example', location: 'Leeds bus station' };

/** An emergency case for a young person with these contact routes, approved and referred to 999 by phone. */
async function referEmergency(contact: Record<string, unknown> | null): Promise<string> {
  const { caseId } = await openCase({ age: 15, contact });
  expectAnswer(await assess(caseId, { age: 15, indicators: ['SUICIDE_PLAN_IMMEDIATE'] }), 200);
  expectAnswer(await review(caseId, CAT, { decision: 'APPROVE' }), 200);
  expectAnswer(await refer(caseId, { agency: 'EMERGENCY_SERVICES', method: 'PHONE', sharedData: SHARED }), 201);
  return caseId;
}

describe('telling the young person by the route they have', () => {
  it('only an email address: a real email, in the words of their sharing history, and the log says email', async () => {
    const address = `yp-${randomUUID()}@example.org`;
    const caseId = await referEmergency({ email: address });
    const entries = await waitForEntry(caseId, 'subject.notified');
    expect(entriesOf(entries, 'subject.notified')[0].data).toMatchObject({
      agency: 'EMERGENCY_SERVICES',
      route: 'email',
    });

    const mails = await eventually('the email at the SMTP server', async () => {
      const found = await mailTo(address);
      return found.length ? found : undefined;
    });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      subject: 'We shared some information to help keep you safe',
      deliveryId: `${caseId}:EMERGENCY_SERVICES`,
    });
    expect(mails[0].text).toContain('we shared your name and where you were with the emergency services (999)');
    expect(mails[0].text).not.toContain(SHARED.name); // the kinds of detail, never the values
    expect(await deliveries(caseId, '/platform')).toEqual([]);
  });

  it('only a phone number: one SMS request to GOV.UK Notify, authenticated, with the young person’s template', async () => {
    const phone = `+44 7700 9${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;
    const caseId = await referEmergency({ phone });
    const entries = await waitForEntry(caseId, 'subject.notified');
    expect(entriesOf(entries, 'subject.notified')[0].data).toMatchObject({ route: 'sms' });

    const sent = await smsWithReference(caseId);
    expect(sent).toEqual([
      expect.objectContaining({
        path: '/v2/notifications/sms',
        authorized: true,
        body: expect.objectContaining({
          phone_number: phone,
          template_id: NOTIFY_TEMPLATES.NOTIFY_TEMPLATE_SUBJECT_SMS,
          reference: `${caseId}:EMERGENCY_SERVICES`,
        }),
      }),
    ]);
    expect(sent[0].body.personalisation?.message).toContain('with the emergency services (999)');
  });

  it('no contact route: not possible, with the reason and an officer task; never notified', async () => {
    const caseId = await referEmergency(null);
    const entries = await waitForEntry(caseId, 'subject.notification_not_possible');
    expect(entriesOf(entries, 'subject.notification_not_possible')[0].data).toEqual({
      agency: 'EMERGENCY_SERVICES',
      reason: 'no contact route',
    });
    expect((await caseView(caseId, AMY)).openTasks).toEqual([
      expect.objectContaining({ kind: 'NOTIFICATION_NOT_POSSIBLE', role: 'officer' }),
    ]);
    expect(entriesOf(await logOf(caseId), 'subject.notified')).toEqual([]);
  });
});

describe('an electronic referral needs a route', () => {
  it('refused with 400 and nothing written when the agency has none; recorded by phone instead', async () => {
    const { caseId } = await openCase({ age: 15 });
    const assessed = await assess(caseId, { age: 15, indicators: ['ONGOING_ABUSE'] });
    expect(assessed.body.recommendation.agencies).toEqual(['POLICE_NON_EMERGENCY']);
    expectAnswer(await review(caseId, as('supervisor.dan'), { decision: 'APPROVE' }), 200);

    for (const method of ['PORTAL', 'SECURE_EMAIL']) {
      const refused = await expectRefusedWithoutWriting(
        caseId,
        () => refer(caseId, { agency: 'POLICE_NON_EMERGENCY', method, sharedData: SHARED }),
        400,
        'REFERRAL.NO_ROUTE',
      );
      expect(refused.body.message).toMatch(/no electronic route to POLICE_NON_EMERGENCY.*PHONE/);
    }
    expect((await caseView(caseId, AMY)).status).toBe('AWAITING_REFERRAL');
    expectAnswer(await refer(caseId, { agency: 'POLICE_NON_EMERGENCY', method: 'PHONE', sharedData: SHARED }), 201);
    expect(entriesOf(await waitForEntry(caseId, 'referral.recorded'), 'referral.sent')).toEqual([]);
  });
});
