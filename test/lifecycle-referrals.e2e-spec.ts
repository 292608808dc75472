import { e2eEnv } from './support/env';
import { recordHistory } from './support/histories';
import { workflowState } from './support/workflow-state';
import {
  AMY,
  assess,
  BEN,
  CAT,
  caseView,
  DAN,
  deliveries,
  entriesOf,
  EVE,
  expectAnswer,
  expectInOrder,
  expectRefusedWithoutWriting,
  expectSoundLog,
  feedback,
  logOf,
  openCase,
  refer,
  review,
  waitForEntry,
  waitForStatus,
  call,
} from './support/lifecycle-api';

/**
 * Issue 4: whole referral paths over HTTP against the real stack (SPEC §3), with second-long timings from
 * global-setup: FEEDBACK_REQUEST_DELAY PT2S, FEEDBACK_WAIT PT3S, CHECK_IN_DELAY PT2S, review deadlines PT4S.
 */
const { temporalAddress } = e2eEnv();

const REFERRED_PATH = [
  'case.opened',
  'assessment.submitted',
  'policy.evaluated',
  'review.requested',
  'review.decided',
  'referral.recorded',
  'subject.notified',
  'feedback.requested',
  'feedback.received',
  'case.closed',
];

describe('lifecycle: referral paths to closure', () => {
  it('emergency: on-call approves, 999 is called, the young person is told once (signed), feedback closes the case', async () => {
    const { caseId, externalUserId } = await openCase({ age: 15 });

    const assessed = await assess(caseId, { age: 15, indicators: ['SUICIDE_PLAN_IMMEDIATE'] });
    expectAnswer(assessed, 200);
    expect(assessed.body.recommendation).toMatchObject({
      policyVersion: 'unified',
      level: 'EMERGENCY',
      agencies: ['EMERGENCY_SERVICES'],
      rules: expect.arrayContaining(['EMERGENCY_IMMEDIATE_RISK']),
    });
    const awaiting = await caseView(caseId, CAT);
    expect(awaiting).toMatchObject({ status: 'AWAITING_REVIEW', level: 'EMERGENCY', escalated: false });
    expect(Date.parse(awaiting.reviewDeadline)).toBeGreaterThan(Date.now()); // on-call decides within the deadline

    const approved = await review(caseId, CAT, { decision: 'APPROVE' });
    expectAnswer(approved, 200);
    expect(approved.body).toMatchObject({
      status: 'AWAITING_REFERRAL',
      decision: { decision: 'APPROVE', level: 'EMERGENCY', agencies: ['EMERGENCY_SERVICES'], by: 'oncall.cat' },
    });

    const shared = { name: 'Sam Example', phone: '+44 7700 900123' };
    const referred = await refer(caseId, {
      agency: 'EMERGENCY_SERVICES',
      method: 'PHONE',
      sharedData: shared,
      agencyReference: 'CAD-4471',
    });
    expectAnswer(referred, 201);
    expect(referred.body.status).toBe('AWAITING_FEEDBACK');
    expect(referred.body.referrals).toEqual([
      expect.objectContaining({ agency: 'EMERGENCY_SERVICES', method: 'PHONE', sharedData: shared, by: 'officer.amy' }),
    ]);

    await waitForEntry(caseId, 'subject.notified');
    const told = await deliveries(caseId, '/platform');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ status: 200, signatureValid: true });
    expect(told[0].body).toEqual({
      type: 'subject.notification',
      caseId,
      externalUserId,
      agency: 'EMERGENCY_SERVICES',
      level: 'EMERGENCY',
      sharedData: shared,
      reason: expect.any(String),
      sentAt: expect.any(String),
    });
    expect(Object.keys(told[0].body.sharedData).sort()).toEqual(['name', 'phone']);
    expect(await deliveries(caseId, '/agency/SOCIAL_WORKER')).toEqual([]); // 999 is a phone call

    await waitForEntry(caseId, 'feedback.requested');
    expect((await caseView(caseId, AMY)).openTasks).toEqual([
      expect.objectContaining({ kind: 'FEEDBACK', role: 'officer' }),
    ]);
    expectAnswer(await feedback(caseId, 'EMERGENCY_SERVICES', 'Police attended; taken to A&E, safe.'), 200);

    const closed = await waitForStatus(caseId, 'CLOSED');
    expect(closed).toMatchObject({
      escalated: false,
      openTasks: [],
      closure: { outcome: 'REFERRED', level: 'EMERGENCY', agencies: ['EMERGENCY_SERVICES'] },
    });
    expect(await deliveries(caseId)).toHaveLength(1); // still exactly one delivery, now the case is settled

    const entries = await logOf(caseId);
    expectSoundLog(entries, REFERRED_PATH, ['EMERGENCY_SERVICES']);
    expectInOrder(entries, REFERRED_PATH);
    expect(entriesOf(entries, 'referral.recorded')[0].data).toEqual({
      agency: 'EMERGENCY_SERVICES',
      method: 'PHONE',
      agencyReference: 'CAD-4471',
      sharedData: shared,
      level: 'EMERGENCY',
      reason: expect.any(String),
    });
    expect(entriesOf(entries, 'review.decided')[0]).toMatchObject({
      actor: 'oncall.cat',
      data: { decision: 'APPROVE', level: 'EMERGENCY' },
    });
    await recordHistory(temporalAddress, caseId, 'emergency');
  });

  it('non-emergency: only a supervisor may approve, involvement is recorded, 101 is called, then closed on feedback', async () => {
    const { caseId, externalUserId } = await openCase({ age: 16 });
    const assessed = await assess(caseId, { age: 16, indicators: ['HOMELESS_OR_AT_RISK'] });
    expect(assessed.body.recommendation).toMatchObject({ level: 'NON_EMERGENCY', agencies: ['POLICE_NON_EMERGENCY'] });

    await expectRefusedWithoutWriting(caseId, () => review(caseId, CAT, { decision: 'APPROVE' }), 403); // on-call decides emergencies only
    const approved = await review(caseId, DAN, { decision: 'APPROVE' });
    expectAnswer(approved, 200);
    expect(approved.body).toMatchObject({
      status: 'AWAITING_REFERRAL',
      decision: { level: 'NON_EMERGENCY', agencies: ['POLICE_NON_EMERGENCY'], by: 'supervisor.dan' },
    });

    const involved = await call(AMY, 'POST', `/cases/${caseId}/involvement`, {
      outcome: 'AGREED',
      agreedFields: ['name', 'location', 'concernSummary'],
      note: 'Talked it through; agreed.',
    });
    expectAnswer(involved, 200);
    expect(involved.body.involvement).toEqual([
      expect.objectContaining({ outcome: 'AGREED', agreedFields: ['name', 'location', 'concernSummary'] }),
    ]);

    const shared = {
      name: 'Alex Example',
      location: 'Leeds city centre',
      concernSummary: 'Sleeping rough since Friday.',
    };
    const referred = await refer(caseId, { agency: 'POLICE_NON_EMERGENCY', method: 'PHONE', sharedData: shared });
    expectAnswer(referred, 201);
    expect(referred.body.status).toBe('AWAITING_FEEDBACK');

    await waitForEntry(caseId, 'subject.notified');
    const told = await deliveries(caseId, '/platform');
    expect(told.map((d) => [d.status, d.signatureValid, d.body.agency, d.body.level, d.body.externalUserId])).toEqual([
      [200, true, 'POLICE_NON_EMERGENCY', 'NON_EMERGENCY', externalUserId],
    ]);
    expect(told[0].body.sharedData).toEqual(shared);

    await waitForEntry(caseId, 'feedback.requested');
    expectAnswer(
      await feedback(caseId, 'POLICE_NON_EMERGENCY', 'Housing team found emergency accommodation.', BEN),
      200,
    );
    expect(await waitForStatus(caseId, 'CLOSED')).toMatchObject({
      openTasks: [],
      closure: { outcome: 'REFERRED', feedback: { POLICE_NON_EMERGENCY: 'RECEIVED' } },
    });

    const entries = await logOf(caseId);
    expectSoundLog(entries, [...REFERRED_PATH, 'involvement.recorded'], ['POLICE_NON_EMERGENCY']);
    expectInOrder(entries, REFERRED_PATH);
    expect(entriesOf(entries, 'referral.recorded')[0].data).toMatchObject({
      agency: 'POLICE_NON_EMERGENCY',
      method: 'PHONE',
      agencyReference: null,
      sharedData: shared,
      level: 'NON_EMERGENCY',
    });
    await recordHistory(temporalAddress, caseId, 'non-emergency');
  });

  it('non-emergency with a social worker: the referral goes through the social worker’s electronic route (referral.sent)', async () => {
    const { caseId } = await openCase({ age: 16 });
    const assessed = await assess(caseId, { age: 16, indicators: ['HOMELESS_OR_AT_RISK'], hasSocialWorker: true });
    expect(assessed.body.recommendation).toMatchObject({ level: 'NON_EMERGENCY', agencies: ['SOCIAL_WORKER'] });
    const approved = await review(caseId, DAN, { decision: 'APPROVE' });
    expect(approved.body.decision).toMatchObject({ level: 'NON_EMERGENCY', agencies: ['SOCIAL_WORKER'] });

    const shared = {
      name: 'Jo Example',
      email: 'jo@example.org',
      concernSummary: 'At risk of losing their placement.',
    };
    expectAnswer(
      await refer(caseId, {
        agency: 'SOCIAL_WORKER',
        method: 'PORTAL',
        sharedData: shared,
        agencyReference: 'LA-2231',
      }),
      201,
    );

    const sentLog = await waitForEntry(caseId, 'referral.sent');
    expect(entriesOf(sentLog, 'referral.sent')[0].data).toMatchObject({
      agency: 'SOCIAL_WORKER',
      route: 'agency-webhook',
    });
    const sent = await deliveries(caseId, '/agency/SOCIAL_WORKER');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ status: 200, signatureValid: true });
    expect(sent[0].body).toMatchObject({
      type: 'agency.referral',
      caseId,
      agency: 'SOCIAL_WORKER',
      method: 'PORTAL',
      level: 'NON_EMERGENCY',
      sharedData: shared,
      agencyReference: 'LA-2231',
    });

    await waitForEntry(caseId, 'subject.notified');
    expect((await deliveries(caseId, '/platform')).map((d) => d.body.agency)).toEqual(['SOCIAL_WORKER']);
    await waitForEntry(caseId, 'feedback.requested');
    expectAnswer(await feedback(caseId, 'SOCIAL_WORKER', 'Placement secured.'), 200);
    await waitForStatus(caseId, 'CLOSED');
    expect(await deliveries(caseId, '/agency/SOCIAL_WORKER')).toHaveLength(1);

    const entries = await logOf(caseId);
    expectSoundLog(entries, [...REFERRED_PATH, 'referral.sent'], ['SOCIAL_WORKER']);
    expect(entriesOf(entries, 'referral.sent')).toHaveLength(1);
    await recordHistory(temporalAddress, caseId, 'non-emergency-social-worker');
  });

  it('group-chat emergency: removal from the room is required, a check-in task is due, and the case closes only after the check-in', async () => {
    const { caseId } = await openCase({ channel: 'group_chat', age: 14 });
    const assessed = await assess(caseId, { age: 14, indicators: ['SUICIDE_PLAN_IMMEDIATE'] });
    expect(assessed.body.recommendation).toMatchObject({
      level: 'EMERGENCY',
      agencies: ['EMERGENCY_SERVICES'],
      actions: ['REMOVE_FROM_ROOM', 'NEXT_DAY_CHECK_IN'],
      rules: expect.arrayContaining(['GROUP_CHAT_EMERGENCY_ACTIONS']),
    });
    const approved = await review(caseId, CAT, { decision: 'APPROVE' });
    expect(approved.body.decision).toMatchObject({
      level: 'EMERGENCY',
      actions: ['REMOVE_FROM_ROOM', 'NEXT_DAY_CHECK_IN'],
    });

    const body = {
      agency: 'EMERGENCY_SERVICES',
      method: 'PHONE',
      sharedData: { name: 'Kai Example', ipAddress: '203.0.113.7' },
    };
    await expectRefusedWithoutWriting(caseId, () => refer(caseId, body), 400, 'CASE.INVALID');
    const sentAt = Date.now();
    const referred = await refer(caseId, { ...body, removedFromRoom: true });
    expectAnswer(referred, 201);

    const entries = await waitForEntry(caseId, 'checkin.due');
    expect(entriesOf(entries, 'room.removed')).toHaveLength(1);
    const dueAt = entriesOf(entries, 'checkin.due')[0].data.dueAt as string;
    const checkIn = (await caseView(caseId, AMY)).openTasks.find((t: { kind: string }) => t.kind === 'CHECK_IN');
    expect(checkIn).toMatchObject({ kind: 'CHECK_IN', role: 'officer', dueAt });
    // CHECK_IN_DELAY (PT2S) after the workflow took the referral, which is after the request was sent. No upper
    // bound: under load the workflow may take it late.
    expect(Date.parse(dueAt) - sentAt).toBeGreaterThanOrEqual(2000);

    await waitForEntry(caseId, 'feedback.requested');
    expectAnswer(await feedback(caseId, 'EMERGENCY_SERVICES'), 200);
    // Feedback was the last thing but the check-in. The workflow closes a case only once its check-in is done
    // (run-case.ts), so its own state, asked now, shows what is holding it: no waiting and concluding from silence.
    const held = await workflowState(temporalAddress, caseId);
    expect(held).toMatchObject({ status: 'AWAITING_FEEDBACK', checkIn: { dueAt, completed: false } });
    expect(held.feedback.EMERGENCY_SERVICES).toBe('RECEIVED');
    const waiting = await caseView(caseId, AMY);
    expect(waiting.status).toBe('AWAITING_FEEDBACK');
    expect(waiting.openTasks.map((t: { kind: string }) => t.kind)).toEqual(['CHECK_IN']);
    const outbox = await call(AMY, 'GET', `/outbox?caseId=${caseId}`);
    expect(outbox.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'staff.notification', recipient: 'officer' })]),
    ); // the check-in is due now

    const checkedIn = await call(AMY, 'POST', `/cases/${caseId}/check-in`, {
      note: 'Spoke to them; they are with family and safe.',
    });
    expectAnswer(checkedIn, 200);
    expect(await waitForStatus(caseId, 'CLOSED')).toMatchObject({ openTasks: [] });
    await expectRefusedWithoutWriting(
      caseId,
      () => call(AMY, 'POST', `/cases/${caseId}/check-in`, { note: 'again' }),
      409,
    );

    const final = await logOf(caseId);
    const path = [...REFERRED_PATH, 'room.removed', 'checkin.due', 'checkin.completed'];
    expectSoundLog(final, path, ['EMERGENCY_SERVICES']);
    expectInOrder(final, [
      'review.decided',
      'room.removed',
      'referral.recorded',
      'checkin.due',
      'feedback.received',
      'checkin.completed',
      'case.closed',
    ]);
    await recordHistory(temporalAddress, caseId, 'group-chat');
  });

  it('group chat raised to EMERGENCY by an override: the decision still carries the room removal and the check-in (SPEC §2 rule 10, §3.5)', async () => {
    const { caseId } = await openCase({ channel: 'group_chat', age: 15 });
    const assessed = await assess(caseId, { age: 15, indicators: ['HOMELESS_OR_AT_RISK'] });
    expect(assessed.body.recommendation).toMatchObject({ level: 'NON_EMERGENCY', actions: [] });
    const overridden = await review(caseId, DAN, {
      decision: 'OVERRIDE',
      level: 'EMERGENCY',
      agencies: ['EMERGENCY_SERVICES'],
      reason: 'Said in the room they will jump tonight.',
    });
    expectAnswer(overridden, 200);
    expect(overridden.body.decision).toMatchObject({
      decision: 'OVERRIDE',
      level: 'EMERGENCY',
      actions: ['REMOVE_FROM_ROOM', 'NEXT_DAY_CHECK_IN'],
    });

    const body = { agency: 'EMERGENCY_SERVICES', method: 'PHONE', sharedData: { name: 'Ash Example' } };
    await expectRefusedWithoutWriting(caseId, () => refer(caseId, body), 400, 'CASE.INVALID');
    expectAnswer(await refer(caseId, { ...body, removedFromRoom: true }), 201);
    await waitForEntry(caseId, 'checkin.due');
    expect((await caseView(caseId, AMY)).openTasks).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'CHECK_IN', role: 'officer' })]),
    );

    expectAnswer(await call(AMY, 'POST', `/cases/${caseId}/check-in`, { note: 'Safe at home.' }), 200);
    await waitForEntry(caseId, 'feedback.requested');
    expectAnswer(await feedback(caseId, 'EMERGENCY_SERVICES'), 200);
    expect(await waitForStatus(caseId, 'CLOSED')).toMatchObject({ openTasks: [] });
    expectSoundLog(
      await logOf(caseId),
      [...REFERRED_PATH, 'room.removed', 'checkin.due', 'checkin.completed'],
      ['EMERGENCY_SERVICES'],
    );
  });

  it('two officers record the two referrals of one decision at the same moment: the case moves on to feedback and closes', async () => {
    const { caseId } = await openCase({ age: 15 });
    const assessed = await assess(caseId, { age: 15, indicators: ['SUICIDE_PLAN_IMMEDIATE', 'ONGOING_ABUSE'] });
    expect(assessed.body.recommendation).toMatchObject({
      level: 'EMERGENCY',
      agencies: ['EMERGENCY_SERVICES', 'POLICE_NON_EMERGENCY'],
    });
    expectAnswer(await review(caseId, CAT, { decision: 'APPROVE' }), 200);

    const shared = { name: 'Robin Example', location: 'Station car park' };
    const answers = await Promise.all([
      refer(caseId, { agency: 'EMERGENCY_SERVICES', method: 'PHONE', sharedData: shared }, AMY),
      refer(caseId, { agency: 'POLICE_NON_EMERGENCY', method: 'PHONE', sharedData: shared }, BEN),
    ]);
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    // Every agency of the decision now has a referral: SPEC §3.5 says the case is AWAITING_FEEDBACK.
    await waitForStatus(caseId, 'AWAITING_FEEDBACK', 5_000);
    await waitForEntry(caseId, 'feedback.requested', (e) => e.data.agency === 'POLICE_NON_EMERGENCY');
    expectAnswer(await feedback(caseId, 'EMERGENCY_SERVICES'), 200);
    expectAnswer(await feedback(caseId, 'POLICE_NON_EMERGENCY'), 200);
    await waitForStatus(caseId, 'CLOSED');
    expectSoundLog(await logOf(caseId), REFERRED_PATH, ['EMERGENCY_SERVICES', 'POLICE_NON_EMERGENCY']);
  });

  it('feedback never comes: feedback.not_received after the wait, then closed', async () => {
    const { caseId } = await openCase({ age: 15 });
    await assess(caseId, { age: 15, indicators: ['OVERDOSE'] });
    expectAnswer(await review(caseId, CAT, { decision: 'APPROVE' }), 200);
    expectAnswer(
      await refer(caseId, {
        agency: 'EMERGENCY_SERVICES',
        method: 'PHONE',
        sharedData: { name: 'Ren Example', location: 'Bristol' },
      }),
      201,
    );

    await waitForEntry(caseId, 'case.closed');
    const entries = await logOf(caseId);
    const at = (type: string) => Date.parse(entriesOf(entries, type)[0].at);
    expect(at('feedback.requested') - at('referral.recorded')).toBeGreaterThanOrEqual(1900); // FEEDBACK_REQUEST_DELAY PT2S
    expect(at('feedback.not_received') - at('feedback.requested')).toBeGreaterThanOrEqual(2900); // FEEDBACK_WAIT PT3S
    expect(await caseView(caseId, AMY)).toMatchObject({
      status: 'CLOSED',
      openTasks: [],
      closure: { outcome: 'REFERRED', feedback: { EMERGENCY_SERVICES: 'NOT_RECEIVED' } },
    });

    // Feedback that comes after closure is refused, and nothing is written.
    await expectRefusedWithoutWriting(caseId, () => feedback(caseId, 'EMERGENCY_SERVICES', 'Late news.'), 409);

    const path = REFERRED_PATH.map((t) => (t === 'feedback.received' ? 'feedback.not_received' : t));
    expectSoundLog(entries, path, ['EMERGENCY_SERVICES']);
    expectInOrder(entries, path);
    await recordHistory(temporalAddress, caseId, 'feedback-never');
  });

  it('a later disclosure from the same young person lists the earlier case in priorCases', async () => {
    const first = await openCase({ age: 15 });
    const second = await openCase({ user: first.externalUserId, age: 15 });
    const other = await openCase({ age: 15 });
    expect((await caseView(second.caseId, AMY)).priorCases.map((c: { id: string }) => c.id)).toEqual([first.caseId]);
    expect((await caseView(second.caseId, EVE)).priorCases.map((c: { id: string }) => c.id)).toEqual([first.caseId]);
    expect((await caseView(first.caseId, AMY)).priorCases).toEqual([]);
    expect((await caseView(other.caseId, AMY)).priorCases).toEqual([]);
  });
});
