import { AMY, CAT, DAN, emergencyDecision, lifecycle, outcome, update } from './testing/lifecycle-fixtures';

const later = () => new Date(Date.now() + 60_000).toISOString();
const decided = (extra = {}) => lifecycle({ status: 'AWAITING_FEEDBACK', decision: emergencyDecision(), ...extra });

describe('CaseLifecycle: after the decision', () => {
  it('involvement: officers, any time between review and closure', () => {
    const involvement = update(AMY, { outcome: 'AGREED' as const, note: '' });
    expect(outcome(() => decided({ status: 'AWAITING_REFERRAL' }).checkInvolvement(involvement))).toBe('OK');
    expect(outcome(() => decided().checkInvolvement(involvement))).toBe('OK');
    expect(outcome(() => lifecycle({ status: 'AWAITING_REVIEW' }).checkInvolvement(involvement))).toBe(
      'NOT_CURRENT_STEP',
    );
    expect(outcome(() => decided({ status: 'CLOSED' }).checkInvolvement(involvement))).toBe('NOT_CURRENT_STEP');
    expect(outcome(() => decided().checkInvolvement(update(DAN, involvement.input)))).toBe('FORBIDDEN');
    const recording = decided();
    recording.begin('involvement');
    expect(outcome(() => recording.checkInvolvement(involvement))).toBe('NOT_CURRENT_STEP');
  });

  it('check-in: officers, only when one is open and not yet done', () => {
    const note = { note: 'Spoke to them' };
    const open = { checkIn: { dueAt: later(), completed: false } };
    expect(outcome(() => decided(open).checkCheckIn(update(AMY, note)))).toBe('OK');
    expect(outcome(() => decided(open).checkCheckIn(update(CAT, note)))).toBe('FORBIDDEN');
    expect(outcome(() => decided().checkCheckIn(update(AMY, note)))).toBe('NOT_CURRENT_STEP');
    const done = { checkIn: { dueAt: later(), completed: true } };
    expect(outcome(() => decided(done).checkCheckIn(update(AMY, note)))).toBe('NOT_CURRENT_STEP');
    const recording = decided(open);
    recording.begin('check-in');
    expect(outcome(() => recording.checkCheckIn(update(AMY, note)))).toBe('NOT_CURRENT_STEP');
  });

  it('feedback: officers, from an agency still awaited, once', () => {
    const feedback = update(AMY, { agency: 'EMERGENCY_SERVICES' as const, feedback: 'Safe' });
    for (const state of ['AWAITING', 'REQUESTED'] as const)
      expect(outcome(() => decided({ feedback: { EMERGENCY_SERVICES: state } }).checkFeedback(feedback))).toBe('OK');
    for (const state of ['RECEIVED', 'NOT_RECEIVED'] as const) {
      const l = decided({ feedback: { EMERGENCY_SERVICES: state } });
      expect(outcome(() => l.checkFeedback(feedback))).toBe('NOT_CURRENT_STEP');
    }
    expect(outcome(() => decided().checkFeedback(feedback))).toBe('NOT_CURRENT_STEP'); // never referred
    const busy = decided({ feedback: { EMERGENCY_SERVICES: 'AWAITING' } });
    busy.begin('feedback:EMERGENCY_SERVICES');
    expect(outcome(() => busy.checkFeedback(feedback))).toBe('NOT_CURRENT_STEP');
    const asDan = decided({ feedback: { EMERGENCY_SERVICES: 'AWAITING' } });
    expect(outcome(() => asDan.checkFeedback(update(DAN, feedback.input)))).toBe('FORBIDDEN');
  });

  it('release of a deferred notification: supervisors; extending needs a reason and a later re-review', () => {
    const deferred = () => decided({ deferral: { reason: 'r', reviewAt: later(), awaitingSupervisor: true } });
    expect(outcome(() => deferred().checkRelease(update(DAN, { decision: 'RELEASE' })))).toBe('OK');
    expect(outcome(() => deferred().checkRelease(update(CAT, { decision: 'RELEASE' })))).toBe('FORBIDDEN');
    expect(outcome(() => decided().checkRelease(update(DAN, { decision: 'RELEASE' })))).toBe('NOT_CURRENT_STEP');
    const releasing = deferred();
    releasing.begin('release');
    expect(outcome(() => releasing.checkRelease(update(DAN, { decision: 'RELEASE' })))).toBe('NOT_CURRENT_STEP');
    const extend = (reason?: string, reviewAt?: string) =>
      update(DAN, { decision: 'EXTEND' as const, reason, reviewAt });
    expect(outcome(() => deferred().checkRelease(extend('Not yet', later())))).toBe('OK');
    expect(outcome(() => deferred().checkRelease(extend(undefined, later())))).toBe('INVALID');
    expect(outcome(() => deferred().checkRelease(extend('Not yet')))).toBe('INVALID');
    expect(outcome(() => deferred().checkRelease(extend('Not yet', new Date(0).toISOString())))).toBe('INVALID');
  });
});
