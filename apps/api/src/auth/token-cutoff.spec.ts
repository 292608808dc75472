import { issuedAtFor, issuedBeforeCutoff } from './token-cutoff';

const at = (iso: string) => Date.parse(iso);

describe('tokens issued before an account change are refused', () => {
  it('within one second: before the change refused, after it accepted', () => {
    const before = issuedAtFor(null, at('2026-11-01T12:00:00.200Z'));
    const change = new Date('2026-11-01T12:00:00.700Z');
    const after = issuedAtFor(change, at('2026-11-01T12:00:00.900Z'));
    expect(issuedBeforeCutoff(before, change)).toBe(true);
    expect(issuedBeforeCutoff(after, change)).toBe(false);
  });

  it('a change on a whole second, and tokens seconds apart', () => {
    const change = new Date('2026-11-01T12:00:05.000Z');
    expect(issuedBeforeCutoff(issuedAtFor(null, at('2026-11-01T12:00:04.999Z')), change)).toBe(true);
    expect(issuedBeforeCutoff(issuedAtFor(change, at('2026-11-01T12:00:05.000Z')), change)).toBe(false);
    expect(issuedBeforeCutoff(issuedAtFor(null, at('2026-11-01T11:00:00Z')), change)).toBe(true);
    expect(issuedBeforeCutoff(issuedAtFor(change, at('2026-11-01T13:00:00Z')), change)).toBe(false);
  });

  it('an account never changed refuses nothing', () => {
    expect(issuedBeforeCutoff(0, null)).toBe(false);
  });
});
