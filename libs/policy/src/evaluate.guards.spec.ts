// evaluatePolicy trusts its types, but input that skipped validation is refused loudly, not guessed at.
import { evaluatePolicy, PolicyInput } from '@sg/policy';

const GOOD: PolicyInput = {
  occurredAt: '2025-03-01T10:00:00Z',
  channel: 'helpline',
  age: 14,
  adultAtRisk: false,
  indicators: ['ONGOING_ABUSE'],
  declaredSafe: false,
  informationComplete: true,
  hasSocialWorker: false,
};

describe('evaluatePolicy refuses input that skipped validation', () => {
  it.each([
    ['an unknown indicator', { indicators: ['FEELING_SAD'] }, 'Unknown indicator "FEELING_SAD"'],
    ['an unknown channel', { channel: 'fax' }, 'Unknown channel "fax"'],
    ['a malformed date', { occurredAt: 'today' }, 'occurredAt "today" is not an ISO-8601 date-time'],
  ])('%s', (_what, change, message) => {
    expect(() => evaluatePolicy({ ...GOOD, ...change } as PolicyInput)).toThrow(message);
  });

  it('accepts the same input once it is valid', () => {
    expect(evaluatePolicy(GOOD).level).toBe('NON_EMERGENCY');
  });
});
