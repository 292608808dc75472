import { randomUUID } from 'node:crypto';
import { e2eEnv } from './support/env';
import { recordHistory } from './support/histories';
import {
  Actor,
  AMY,
  assess,
  BEN,
  call,
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
  listAll,
  logOf,
  openCase,
  refer,
  review,
  waitForEntry,
  waitForStatus,
} from './support/lifecycle-api';
import { multiRoleStaffHeaders } from './support/staff';

/**
 * Issue 4: the review step over HTTP (SPEC §3.3): decisions not to refer, more information, overrides,
 * escalation of missed deadlines (all review deadlines are PT4S in the suite), and refusals that write nothing.
 */
const { temporalAddress } = e2eEnv();

const ASSESSED = ['case.opened', 'assessment.submitted', 'policy.evaluated', 'review.requested'];

describe('lifecycle: review', () => {
  it('no referral: an adult not at risk gets NONE; approving it needs a reason and closes the case with signposting', async () => {
    const { caseId } = await openCase({ age: 25 });
    const assessed = await assess(caseId, { age: 25, adultAtRisk: false, indicators: ['SUICIDAL_THOUGHTS_NO_PLAN'] });
    expectAnswer(assessed, 200);
    const recommendation = assessed.body.recommendation;
    expect(recommendation).toMatchObject({ level: 'NONE', agencies: [] });
    expect(recommendation.signposting.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining(['Samaritans', 'Childline']),
    );

    await expectRefusedWithoutWriting(caseId, () => review(caseId, CAT, { decision: 'APPROVE', reason: 'x' }), 403); // NONE is a supervisor's decision
    const unreasoned = await expectRefusedWithoutWriting(
      caseId,
      () => review(caseId, DAN, { decision: 'APPROVE' }),
      400,
      'CASE.INVALID',
    );
    expect(unreasoned.body.message).toMatch(/reason/i);

    const reason = 'Adult, not at risk, no plan or intent: signposted to Samaritans and the crisis text line.';
    const approved = await review(caseId, DAN, { decision: 'APPROVE', reason });
    expectAnswer(approved, 200);
    expect(approved.body.decision).toMatchObject({ decision: 'APPROVE', level: 'NONE', agencies: [], reason });

    const closed = await waitForStatus(caseId, 'CLOSED');
    expect(closed).toMatchObject({
      level: 'NONE',
      referrals: [],
      openTasks: [],
      closure: { outcome: 'NO_REFERRAL', level: 'NONE', signposting: recommendation.signposting },
    });
    const entries = await logOf(caseId);
    expect(entriesOf(entries, 'case.closed')[0].data.signposting).toEqual(recommendation.signposting);
    expect(entriesOf(entries, 'review.decided')[0].data).toMatchObject({ decision: 'APPROVE', level: 'NONE', reason });
    expect(await deliveries(caseId)).toEqual([]); // nothing shared, nobody told
    expectSoundLog(entries, [...ASSESSED, 'review.decided', 'case.closed']);
    expectInOrder(entries, [...ASSESSED, 'review.decided', 'case.closed']);
    await recordHistory(temporalAddress, caseId, 'no-referral');
  });

  it('REQUEST_MORE_INFO returns the case to assessment; a second assessment works; an OVERRIDE needs a reason', async () => {
    const { caseId } = await openCase({ age: 16 });
    const first = await assess(caseId, { age: 16, indicators: ['HOMELESS_OR_AT_RISK'], informationComplete: false });
    expect(first.body.recommendation).toMatchObject({ level: 'NON_EMERGENCY', flags: ['INCOMPLETE_INFORMATION'] });

    await expectRefusedWithoutWriting(
      caseId,
      () => review(caseId, DAN, { decision: 'REQUEST_MORE_INFO' }),
      400,
      'CASE.INVALID',
    );
    const sentBack = await review(caseId, DAN, {
      decision: 'REQUEST_MORE_INFO',
      reason: 'Ask where they are sleeping tonight.',
    });
    expectAnswer(sentBack, 200);
    expect(sentBack.body).toMatchObject({ status: 'AWAITING_ASSESSMENT', reviewDeadline: null });
    expect((await caseView(caseId)).status).toBe('AWAITING_ASSESSMENT');
    await expectRefusedWithoutWriting(
      caseId,
      () => review(caseId, DAN, { decision: 'APPROVE' }),
      409,
      'CASE.NOT_CURRENT_STEP',
    );

    // A second round, by another officer, with the information that was missing.
    const second = await assess(
      caseId,
      { age: 16, indicators: ['HOMELESS_OR_AT_RISK'], informationComplete: true, notes: 'Called back.' },
      BEN,
    );
    expectAnswer(second, 200);
    expect(second.body.recommendation).toMatchObject({ level: 'NON_EMERGENCY', flags: [] });
    expect(await caseView(caseId)).toMatchObject({
      status: 'AWAITING_REVIEW',
      assessment: { round: 2, by: 'officer.ben' },
    });

    const override = {
      decision: 'OVERRIDE',
      level: 'EMERGENCY',
      agencies: ['EMERGENCY_SERVICES', 'POLICE_NON_EMERGENCY'],
    };
    await expectRefusedWithoutWriting(caseId, () => review(caseId, DAN, override), 400, 'CASE.INVALID');
    await expectRefusedWithoutWriting(caseId, () => review(caseId, DAN, { ...override, reason: '' }), 400);
    await expectRefusedWithoutWriting(
      caseId,
      () => review(caseId, DAN, { decision: 'OVERRIDE', level: 'EMERGENCY', reason: 'no agencies' }),
      400,
      'CASE.INVALID',
    );
    const reason = 'Sleeping rough in sub-zero temperatures tonight: to be on the safe side.';
    const overridden = await review(caseId, DAN, { ...override, reason });
    expectAnswer(overridden, 200);
    expect(overridden.body).toMatchObject({
      status: 'AWAITING_REFERRAL',
      level: 'EMERGENCY',
      decision: { decision: 'OVERRIDE', round: 2, level: 'EMERGENCY', agencies: override.agencies, reason },
    });

    const shared = { name: 'Lee Example', location: 'Under the bridge, Canal St' };
    const firstReferral = await refer(caseId, { agency: 'EMERGENCY_SERVICES', method: 'PHONE', sharedData: shared });
    expect(firstReferral.body.status).toBe('AWAITING_REFERRAL'); // 101 still to call
    await expectRefusedWithoutWriting(
      caseId,
      () => refer(caseId, { agency: 'EMERGENCY_SERVICES', method: 'PHONE', sharedData: shared }),
      409,
      'CASE.NOT_CURRENT_STEP',
    );
    const lastReferral = await refer(caseId, { agency: 'POLICE_NON_EMERGENCY', method: 'PHONE', sharedData: shared });
    expect(lastReferral.body.status).toBe('AWAITING_FEEDBACK');

    await waitForEntry(caseId, 'feedback.requested', (e) => e.data.agency === 'POLICE_NON_EMERGENCY');
    expectAnswer(await feedback(caseId, 'EMERGENCY_SERVICES'), 200);
    expectAnswer(await feedback(caseId, 'POLICE_NON_EMERGENCY', 'Outreach team found a hostel place.'), 200);
    await waitForStatus(caseId, 'CLOSED');
    expect((await deliveries(caseId, '/platform')).map((d) => d.body.agency).sort()).toEqual([
      'EMERGENCY_SERVICES',
      'POLICE_NON_EMERGENCY',
    ]);

    const entries = await logOf(caseId);
    expectSoundLog(
      entries,
      [
        ...ASSESSED,
        'review.decided',
        'referral.recorded',
        'subject.notified',
        'feedback.requested',
        'feedback.received',
        'case.closed',
      ],
      ['EMERGENCY_SERVICES', 'POLICE_NON_EMERGENCY'],
    );
    expect(entriesOf(entries, 'assessment.submitted').map((e) => [e.data.round, e.actor])).toEqual([
      [1, 'officer.amy'],
      [2, 'officer.ben'],
    ]);
    expect(entriesOf(entries, 'review.requested').map((e) => e.data.round)).toEqual([1, 2]);
    expect(entriesOf(entries, 'review.decided').map((e) => [e.data.round, e.data.decision])).toEqual([
      [1, 'REQUEST_MORE_INFO'],
      [2, 'OVERRIDE'],
    ]);
    await recordHistory(temporalAddress, caseId, 'more-info');
  });

  it('escalation: a missed deadline escalates (1, then 2), flags the case and tells supervisors; a decision clears it', async () => {
    const { caseId } = await openCase({ age: 15 });
    await assess(caseId, { age: 15, indicators: ['ONGOING_ABUSE'] });

    // Nobody reviews: two deadlines (PT4S each) pass.
    const entries = await waitForEntry(caseId, 'review.escalated', (e) => e.data.escalation === 2, 20_000);
    const escalations = entriesOf(entries, 'review.escalated');
    expect(escalations.map((e) => e.data.escalation)).toEqual([1, 2]);
    expect(escalations[0].data).toMatchObject({ level: 'NON_EMERGENCY', round: 1 });
    const requestedAt = Date.parse(entriesOf(entries, 'review.requested')[0].at);
    expect(Date.parse(escalations[0].at) - requestedAt).toBeGreaterThanOrEqual(3900);
    expect(Date.parse(escalations[1].at) - Date.parse(escalations[0].at)).toBeGreaterThanOrEqual(3900);

    expect(await caseView(caseId)).toMatchObject({ status: 'AWAITING_REVIEW', escalated: true });
    expect((await listAll('escalated=true')).filter((c) => c.id === caseId)).toEqual([
      expect.objectContaining({ escalated: true, status: 'AWAITING_REVIEW' }),
    ]);
    expect((await listAll('escalated=false')).map((c) => c.id)).not.toContain(caseId);
    const notified = await call(DAN, 'GET', `/outbox?caseId=${caseId}`);
    expectAnswer(notified, 200);
    const toSupervisors = notified.body.items.filter(
      (m: { kind: string; recipient: string }) => m.kind === 'staff.notification' && m.recipient === 'supervisor',
    );
    expect(toSupervisors.length).toBeGreaterThanOrEqual(2);

    const approved = await review(caseId, DAN, { decision: 'APPROVE' });
    expectAnswer(approved, 200);
    expect(approved.body).toMatchObject({ status: 'AWAITING_REFERRAL', escalated: false });
    expect((await listAll('escalated=true')).map((c) => c.id)).not.toContain(caseId);
    expect((await listAll('escalated=false&status=AWAITING_REFERRAL')).map((c) => c.id)).toContain(caseId);

    expectAnswer(
      await refer(caseId, { agency: 'POLICE_NON_EMERGENCY', method: 'PHONE', sharedData: { name: 'Max Example' } }),
      201,
    );
    // Feedback never comes: the case runs on for over 5 s after the decision, more than a review deadline.
    const final = await waitForEntry(caseId, 'case.closed');
    const decidedSeq = entriesOf(final, 'review.decided')[0].seq;
    expect(entriesOf(final, 'review.escalated').filter((e) => e.seq > decidedSeq)).toEqual([]);
    expect(await caseView(caseId)).toMatchObject({ status: 'CLOSED', escalated: false });

    expectSoundLog(
      final,
      [
        ...ASSESSED,
        'review.escalated',
        'review.decided',
        'referral.recorded',
        'subject.notified',
        'feedback.requested',
        'feedback.not_received',
        'case.closed',
      ],
      ['POLICE_NON_EMERGENCY'],
    );
    await recordHistory(temporalAddress, caseId, 'escalation');
  });

  it('refusals by role or step write nothing', async () => {
    const { caseId } = await openCase({ age: 16 });
    const referral = { agency: 'POLICE_NON_EMERGENCY', method: 'PHONE', sharedData: { name: 'Pat Example' } };
    const assessment = {
      adultAtRisk: false,
      indicators: ['HOMELESS_OR_AT_RISK'],
      declaredSafe: false,
      informationComplete: true,
      hasSocialWorker: false,
      notes: '',
    };

    // Awaiting assessment: who may act, and which step is current.
    await expectRefusedWithoutWriting(
      caseId,
      () => call(undefined, 'POST', `/cases/${caseId}/assessment`, assessment),
      401,
    );
    await expectRefusedWithoutWriting(caseId, () => call(DAN, 'POST', `/cases/${caseId}/assessment`, assessment), 403);
    await expectRefusedWithoutWriting(caseId, () => call(EVE, 'POST', `/cases/${caseId}/assessment`, assessment), 403);
    await expectRefusedWithoutWriting(caseId, () => refer(caseId, referral), 409, 'CASE.NOT_CURRENT_STEP');
    await expectRefusedWithoutWriting(
      caseId,
      () => review(caseId, DAN, { decision: 'APPROVE' }),
      409,
      'CASE.NOT_CURRENT_STEP',
    );
    await expectRefusedWithoutWriting(
      caseId,
      () => feedback(caseId, 'POLICE_NON_EMERGENCY'),
      409,
      'CASE.NOT_CURRENT_STEP',
    );
    await expectRefusedWithoutWriting(
      caseId,
      () => call(AMY, 'POST', `/cases/${caseId}/involvement`, { outcome: 'NOT_POSSIBLE', note: 'x' }),
      409,
      'CASE.NOT_CURRENT_STEP',
    );
    await expectRefusedWithoutWriting(
      caseId,
      () => call(DAN, 'POST', `/cases/${caseId}/notification-release`, { decision: 'RELEASE' }),
      409,
      'CASE.NOT_CURRENT_STEP',
    );

    // Awaiting review (the refusals below take well under the PT4S deadline; an escalation would not count anyway).
    // A safeguarding lead may both assess and review, but never review their own assessment (four eyes).
    const leadName = `lead.${randomUUID().slice(0, 8)}`;
    const leadHeaders = await multiRoleStaffHeaders(leadName, ['officer', 'supervisor']);
    const LEAD: Actor = { username: leadName, headers: async () => leadHeaders };
    expectAnswer(await assess(caseId, { age: 16, indicators: ['HOMELESS_OR_AT_RISK'] }, LEAD), 200);
    await expectRefusedWithoutWriting(caseId, () => review(caseId, AMY, { decision: 'APPROVE' }), 403); // an officer reviewing
    await expectRefusedWithoutWriting(
      caseId,
      () => review(caseId, LEAD, { decision: 'APPROVE' }),
      403,
      'CASE.FORBIDDEN',
    ); // four eyes
    await expectRefusedWithoutWriting(caseId, () => review(caseId, EVE, { decision: 'APPROVE' }), 403);
    await expectRefusedWithoutWriting(caseId, () => review(caseId, DAN, { decision: 'MAYBE' }), 400);
    await expectRefusedWithoutWriting(
      caseId,
      () => assess(caseId, { indicators: ['HOMELESS_OR_AT_RISK'] }, BEN),
      409,
      'CASE.NOT_CURRENT_STEP',
    );
    await expectRefusedWithoutWriting(caseId, () => refer(caseId, referral), 409, 'CASE.NOT_CURRENT_STEP');
    expectAnswer(await review(caseId, DAN, { decision: 'APPROVE' }), 200);

    // Awaiting referral.
    await expectRefusedWithoutWriting(
      caseId,
      () => review(caseId, DAN, { decision: 'APPROVE' }),
      409,
      'CASE.NOT_CURRENT_STEP',
    );
    await expectRefusedWithoutWriting(caseId, () => refer(caseId, referral, DAN), 403);
    const school = await expectRefusedWithoutWriting(
      caseId,
      () => refer(caseId, { ...referral, sharedData: { name: 'Pat Example', school: 'Hill High' } }),
      400,
    );
    expect(school.body.errors.map((e: { field: string }) => e.field)).toEqual(['sharedData.school']);
    await expectRefusedWithoutWriting(
      caseId,
      () => refer(caseId, { ...referral, agency: 'SOCIAL_WORKER' }),
      409,
      'CASE.NOT_CURRENT_STEP',
    ); // not in the decision
    await expectRefusedWithoutWriting(
      caseId,
      () => feedback(caseId, 'POLICE_NON_EMERGENCY'),
      409,
      'CASE.NOT_CURRENT_STEP',
    );
    await expectRefusedWithoutWriting(
      caseId,
      () => call(AMY, 'POST', `/cases/${caseId}/check-in`, { note: 'x' }),
      409,
      'CASE.NOT_CURRENT_STEP',
    );

    expect(JSON.stringify(await logOf(caseId))).not.toMatch(/Hill High|school/);
    expect((await call(EVE, 'GET', '/cases?status=AWAITING_REFERRAL')).status).toBe(403); // auditors read cases and logs, not the queue
    expect((await call(undefined, 'GET', `/cases/${caseId}`)).status).toBe(401);
    expect(await caseView(caseId, EVE)).toMatchObject({ status: 'AWAITING_REFERRAL', referrals: [] });
  });
});
