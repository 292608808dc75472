import { matchingStep } from './totp';

// RFC 6238 Appendix B, SHA-1: the secret "12345678901234567890"; codes are the last six of its eight digits.
const SECRET = Buffer.from('12345678901234567890');
const AT = (seconds: number) => seconds * 1000;

describe('TOTP codes (RFC 6238)', () => {
  it('a code is matched to its time step', async () => {
    expect(await matchingStep(SECRET, '287082', AT(59))).toBe(1);
    expect(await matchingStep(SECRET, '081804', AT(1111111109))).toBe(37037036);
    expect(await matchingStep(SECRET, '050471', AT(1111111111))).toBe(37037037);
  });

  it('a code from the step before or after is accepted, not from two steps away', async () => {
    expect(await matchingStep(SECRET, '081804', AT(1111111109 + 30))).toBe(37037036);
    expect(await matchingStep(SECRET, '081804', AT(1111111109 - 30))).toBe(37037036);
    expect(await matchingStep(SECRET, '081804', AT(1111111109 + 60))).toBeUndefined();
  });

  it('a wrong or malformed code matches nothing', async () => {
    expect(await matchingStep(SECRET, '287083', AT(59))).toBeUndefined();
    expect(await matchingStep(SECRET, '28708', AT(59))).toBeUndefined();
    expect(await matchingStep(SECRET, '2870822', AT(59))).toBeUndefined();
  });
});
