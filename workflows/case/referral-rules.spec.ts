import { SHAREABLE_FIELDS } from './case-vocabulary';
import type { ReferralInput } from './case-inputs';
import { checkSharedFields } from './referral-rules';
import { AMY, DAN, emergencyDecision, lifecycle, outcome, refusal, update } from './testing/lifecycle-fixtures';

const referral = (extra: Partial<ReferralInput> = {}): ReferralInput => ({
  agency: 'EMERGENCY_SERVICES',
  method: 'PHONE',
  sharedData: { name: 'Sam' },
  ...extra,
});
const awaitingReferral = (extra = {}) =>
  lifecycle({ status: 'AWAITING_REFERRAL', decision: emergencyDecision(), ...extra });

describe('the referral field allowlist (SPEC §3.5)', () => {
  it('is exactly who they are, where they are, and why we are worried', () => {
    expect([...SHAREABLE_FIELDS].sort()).toEqual(
      ['address', 'concernSummary', 'dateOfBirth', 'email', 'ipAddress', 'location', 'name', 'phone'].sort(),
    );
  });

  it('lets every allowed field through', () => {
    const all = Object.fromEntries(SHAREABLE_FIELDS.map((field) => [field, `${field} value`]));
    expect(outcome(() => checkSharedFields(all))).toBe('OK');
  });

  it('refuses any other field, naming it, whoever sent the update', () => {
    for (const field of ['disclosure', 'summary', 'externalUserId', 'notes', '__proto__x', 'Name']) {
      expect(refusal(() => checkSharedFields({ name: 'Sam', [field]: 'x' }))).toEqual({
        type: 'INVALID',
        message: expect.stringContaining(`refused: ${field}`),
      });
    }
  });

  it('refuses nothing shared, values that are not text, and shapes that are not an object', () => {
    for (const shared of [{}, { name: '' }, { name: 42 }, { name: { first: 'Sam' } }, null, ['name'], 'name'])
      expect(outcome(() => checkSharedFields(shared))).toBe('INVALID');
    for (const shape of [null, ['name'], 'name'])
      expect(refusal(() => checkSharedFields(shape))?.message).toBe(
        'sharedData must be an object of the fields shared',
      );
  });
});

describe('CaseLifecycle: referral', () => {
  it('is for officers, while the case awaits referral, to an agency of the decision, once', () => {
    expect(outcome(() => awaitingReferral().checkReferral(update(AMY, referral())))).toBe('OK');
    expect(outcome(() => awaitingReferral().checkReferral(update(DAN, referral())))).toBe('FORBIDDEN');
    const other = referral({ agency: 'SOCIAL_WORKER' });
    expect(outcome(() => awaitingReferral().checkReferral(update(AMY, other)))).toBe('NOT_CURRENT_STEP');
    const done = awaitingReferral({ referred: ['EMERGENCY_SERVICES'] });
    expect(outcome(() => done.checkReferral(update(AMY, referral())))).toBe('NOT_CURRENT_STEP');
    const feedback = awaitingReferral({ status: 'AWAITING_FEEDBACK' });
    expect(outcome(() => feedback.checkReferral(update(AMY, referral())))).toBe('NOT_CURRENT_STEP');
  });

  it('a referral being recorded cannot be recorded again meanwhile', () => {
    const l = awaitingReferral();
    l.begin('referral:EMERGENCY_SERVICES');
    expect(outcome(() => l.checkReferral(update(AMY, referral())))).toBe('NOT_CURRENT_STEP');
  });

  it('refuses fields outside the allowlist', () => {
    const extra = referral({ sharedData: { name: 'Sam', summary: 'the disclosure' } as never });
    expect(outcome(() => awaitingReferral().checkReferral(update(AMY, extra)))).toBe('INVALID');
  });

  it('a group-chat emergency: the first referral confirms the removal from the room', () => {
    const groupChat = () => awaitingReferral({ decision: emergencyDecision({ actions: ['REMOVE_FROM_ROOM'] }) });
    expect(outcome(() => groupChat().checkReferral(update(AMY, referral())))).toBe('INVALID');
    const confirmed = referral({ removedFromRoom: true });
    expect(outcome(() => groupChat().checkReferral(update(AMY, confirmed)))).toBe('OK');
  });

  it('a group-chat emergency: a removal already recorded, or an earlier referral, needs no new confirmation', () => {
    const decision = emergencyDecision({
      agencies: ['EMERGENCY_SERVICES', 'POLICE_NON_EMERGENCY'],
      actions: ['REMOVE_FROM_ROOM'],
    });
    const removed = awaitingReferral({ decision, roomRemovalRecorded: true });
    expect(outcome(() => removed.checkReferral(update(AMY, referral())))).toBe('OK');
    const second = awaitingReferral({ decision, referred: ['EMERGENCY_SERVICES'] });
    const police = referral({ agency: 'POLICE_NON_EMERGENCY' });
    expect(outcome(() => second.checkReferral(update(AMY, police)))).toBe('OK');
  });
});
