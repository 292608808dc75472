import { SharingEntry, visibleReferrals } from './visible-referrals';

let at = Date.parse('2026-11-20T21:00:00Z');
const entry = (caseId: string, seq: number, type: string, data: Record<string, unknown> = {}): SharingEntry => ({
  caseId,
  seq,
  type,
  at: new Date((at += 1000)),
  data,
});
const referral = (caseId: string, seq: number, agency: string) => entry(caseId, seq, 'referral.recorded', { agency });
const agencies = (entries: SharingEntry[]) => entries.map((e) => `${e.caseId}:${e.data.agency}`);

describe('visibleReferrals: what a young person may see of what was shared', () => {
  it('shows every referral of a case with no deferral', () => {
    const log = [referral('a', 6, 'POLICE_NON_EMERGENCY'), referral('a', 7, 'SOCIAL_WORKER')];
    expect(agencies(visibleReferrals(log))).toEqual(['a:POLICE_NON_EMERGENCY', 'a:SOCIAL_WORKER']);
  });

  it('hides referrals recorded after a deferral until it is released', () => {
    const deferred = [entry('a', 5, 'notification.deferred'), referral('a', 6, 'POLICE_NON_EMERGENCY')];
    expect(visibleReferrals(deferred)).toEqual([]);
    const released = [...deferred, entry('a', 9, 'notification.released')];
    expect(agencies(visibleReferrals(released))).toEqual(['a:POLICE_NON_EMERGENCY']);
  });

  it('hides referrals recorded before the deferral too', () => {
    expect(visibleReferrals([referral('a', 4, 'CARE_PROFESSIONAL'), entry('a', 5, 'notification.deferred')])).toEqual(
      [],
    );
  });

  it('keeps hiding through an extension: a second deferral after a release hides again', () => {
    const extended = [
      entry('a', 5, 'notification.deferred'),
      referral('a', 6, 'POLICE_NON_EMERGENCY'),
      entry('a', 8, 'notification.deferred'),
    ];
    expect(visibleReferrals(extended)).toEqual([]);
    const reDeferred = [...extended.slice(0, 2), entry('a', 7, 'notification.released'), extended[2]];
    expect(visibleReferrals(reDeferred)).toEqual([]);
  });

  it('reads order from seq, not from the order the entries arrive in', () => {
    const outOfOrder = [
      entry('a', 9, 'notification.released'),
      referral('a', 6, 'X'),
      entry('a', 5, 'notification.deferred'),
    ];
    expect(agencies(visibleReferrals(outOfOrder))).toEqual(['a:X']);
    const stillHeld = [
      entry('a', 5, 'notification.released'),
      referral('a', 6, 'X'),
      entry('a', 9, 'notification.deferred'),
    ];
    expect(visibleReferrals(stillHeld)).toEqual([]);
  });

  it('a deferral on one case never hides another case', () => {
    const log = [entry('a', 5, 'notification.deferred'), referral('a', 6, 'X'), referral('b', 6, 'Y')];
    expect(agencies(visibleReferrals(log))).toEqual(['b:Y']);
  });
});
