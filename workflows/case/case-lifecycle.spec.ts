import type { Actor, ReviewInput } from './case-inputs';
import type { CaseLifecycle } from './case-lifecycle';
import type { CaseState, PolicyOutput } from './case.types';
import { AMY, CAT, DAN, LEE, lifecycle, outcome, update } from './testing/lifecycle-fixtures';

const recommendation = (level: PolicyOutput['level'], actions: PolicyOutput['actions'] = []): PolicyOutput => ({
  policyVersion: 'unified',
  level,
  agencies: level === 'NONE' ? [] : level === 'EMERGENCY' ? ['EMERGENCY_SERVICES'] : ['POLICE_NON_EMERGENCY'],
  actions,
  flags: [],
  rules: [],
  signposting: [],
});

/** A case awaiting review of a recommendation of `level`, assessed by Amy. */
const awaitingReview = (level: PolicyOutput['level'], extra: Partial<CaseState> = {}) =>
  lifecycle({ status: 'AWAITING_REVIEW', assessedBy: AMY.username, recommendation: recommendation(level), ...extra });

const review = (l: CaseLifecycle, actor: Actor, input: ReviewInput) =>
  outcome(() => l.checkReview(update(actor, input)));

describe('CaseLifecycle: assessment', () => {
  it('is for officers, and only while the case awaits assessment', () => {
    expect(outcome(() => lifecycle().checkAssessment(update(AMY, {} as never)))).toBe('OK');
    expect(outcome(() => lifecycle().checkAssessment(update(DAN, {} as never)))).toBe('FORBIDDEN');
    const reviewing = lifecycle({ status: 'AWAITING_REVIEW' });
    expect(outcome(() => reviewing.checkAssessment(update(AMY, {} as never)))).toBe('NOT_CURRENT_STEP');
  });

  it('a second assessment while the first is being recorded waits its turn (409)', () => {
    const l = lifecycle();
    l.begin('assessment');
    expect(outcome(() => l.checkAssessment(update(AMY, {} as never)))).toBe('NOT_CURRENT_STEP');
    l.end('assessment');
    expect(outcome(() => l.checkAssessment(update(AMY, {} as never)))).toBe('OK');
  });
});

describe('CaseLifecycle: review', () => {
  it('EMERGENCY: on-call or a supervisor; anything else: a supervisor only; never an officer', () => {
    expect(review(awaitingReview('EMERGENCY'), CAT, { decision: 'APPROVE' })).toBe('OK');
    expect(review(awaitingReview('EMERGENCY'), DAN, { decision: 'APPROVE' })).toBe('OK');
    expect(review(awaitingReview('NON_EMERGENCY'), CAT, { decision: 'APPROVE' })).toBe('FORBIDDEN');
    expect(review(awaitingReview('NON_EMERGENCY'), DAN, { decision: 'APPROVE' })).toBe('OK');
    expect(review(awaitingReview('NONE'), CAT, { decision: 'APPROVE', reason: 'r' })).toBe('FORBIDDEN');
    expect(review(awaitingReview('EMERGENCY'), { ...AMY, username: 'officer.ben' }, { decision: 'APPROVE' })).toBe(
      'FORBIDDEN',
    );
  });

  it('four eyes: the assessor may not review, whatever roles they hold', () => {
    const byLee = awaitingReview('NON_EMERGENCY', { assessedBy: LEE.username });
    expect(review(byLee, LEE, { decision: 'APPROVE' })).toBe('FORBIDDEN');
    expect(review(byLee, DAN, { decision: 'APPROVE' })).toBe('OK');
  });

  it('only while the case awaits review', () => {
    const l = lifecycle({ status: 'AWAITING_REFERRAL', recommendation: recommendation('EMERGENCY') });
    expect(review(l, CAT, { decision: 'APPROVE' })).toBe('NOT_CURRENT_STEP');
  });

  it('REQUEST_MORE_INFO and OVERRIDE need a reason; an OVERRIDE needs a level, and agencies exactly when it refers', () => {
    const l = awaitingReview('NON_EMERGENCY');
    expect(review(l, DAN, { decision: 'REQUEST_MORE_INFO' })).toBe('INVALID');
    expect(review(l, DAN, { decision: 'REQUEST_MORE_INFO', reason: 'Age?' })).toBe('OK');
    const override = { decision: 'OVERRIDE' as const, reason: 'Safe side' };
    expect(
      review(l, DAN, { ...override, reason: undefined, level: 'EMERGENCY', agencies: ['EMERGENCY_SERVICES'] }),
    ).toBe('INVALID');
    expect(review(l, DAN, { ...override, agencies: ['EMERGENCY_SERVICES'] })).toBe('INVALID');
    expect(review(l, DAN, { ...override, level: 'EMERGENCY' })).toBe('INVALID');
    expect(review(l, DAN, { ...override, level: 'NONE', agencies: ['SOCIAL_WORKER'] })).toBe('INVALID');
    expect(review(l, DAN, { ...override, level: 'EMERGENCY', agencies: ['EMERGENCY_SERVICES'] })).toBe('OK');
    expect(review(l, DAN, { ...override, level: 'NONE' })).toBe('OK');
  });

  it('a decision not to refer needs a reason, approved or overridden', () => {
    expect(review(awaitingReview('NONE'), DAN, { decision: 'APPROVE' })).toBe('INVALID');
    expect(review(awaitingReview('NONE'), DAN, { decision: 'APPROVE', reason: 'Signposted' })).toBe('OK');
  });

  it('a deferral needs something shared and a re-review time in the future', () => {
    const l = awaitingReview('EMERGENCY');
    const later = new Date(Date.now() + 60_000).toISOString();
    const earlier = new Date(Date.now() - 60_000).toISOString();
    const defer = (reviewAt: string) => ({
      decision: 'APPROVE' as const,
      deferNotification: { reason: 'r', reviewAt },
    });
    expect(review(l, CAT, defer(later))).toBe('OK');
    expect(review(l, CAT, defer(earlier))).toBe('INVALID');
    expect(review(l, CAT, defer('not a date'))).toBe('INVALID');
    const none = awaitingReview('NONE');
    expect(review(none, DAN, { ...defer(later), reason: 'Signposted' })).toBe('INVALID');
  });

  it('an APPROVE takes the recommendation; an OVERRIDE to EMERGENCY carries the emergency actions of the case', () => {
    const l = awaitingReview('NON_EMERGENCY', { emergencyActions: ['REMOVE_FROM_ROOM', 'NEXT_DAY_CHECK_IN'] });
    expect(l.decisionFrom(DAN, { decision: 'APPROVE' })).toEqual({
      kind: 'APPROVE',
      level: 'NON_EMERGENCY',
      agencies: ['POLICE_NON_EMERGENCY'],
      actions: [],
      reason: undefined,
      decidedBy: DAN.username,
    });
    const overridden = l.decisionFrom(DAN, {
      decision: 'OVERRIDE',
      level: 'EMERGENCY',
      agencies: ['EMERGENCY_SERVICES', 'EMERGENCY_SERVICES'],
      reason: 'Safe side',
    });
    expect(overridden).toMatchObject({ kind: 'OVERRIDE', agencies: ['EMERGENCY_SERVICES'] });
    expect(overridden.actions).toEqual(['REMOVE_FROM_ROOM', 'NEXT_DAY_CHECK_IN']);
    const lowered = l.decisionFrom(DAN, { decision: 'OVERRIDE', level: 'NONE', reason: 'No risk' });
    expect(lowered.actions).toEqual([]);
  });
});
