// What the HTTP layer refuses before the engine sees it, and what it lets through.
import { validatePolicyInput } from '@sg/policy';

const GOOD = {
  occurredAt: '2025-03-01T10:00:00Z',
  channel: 'helpline',
  age: 14,
  adultAtRisk: false,
  indicators: ['ONGOING_ABUSE'],
  declaredSafe: false,
  informationComplete: true,
  hasSocialWorker: false,
};

function errorsFor(raw: unknown) {
  const result = validatePolicyInput(raw);
  if (result.ok) throw new Error(`expected ${JSON.stringify(raw)} to be refused`);
  return result.errors;
}

describe('validatePolicyInput refuses, naming the field', () => {
  it.each([
    ['age 130', { age: 130 }, 'age', /whole number of years from 0 to 120/],
    ['age -1', { age: -1 }, 'age', /whole number of years from 0 to 120/],
    ['age 14.5', { age: 14.5 }, 'age', /whole number/],
    ['age as text', { age: '14' }, 'age', /whole number/],
    [
      'an unknown indicator',
      { indicators: ['ONGOING_ABUSE', 'FEELING_SAD'] },
      'indicators',
      /unknown indicator "FEELING_SAD" at position 1/,
    ],
    ['indicators that are not a list', { indicators: 'ONGOING_ABUSE' }, 'indicators', /list of indicator codes/],
    [
      'an unknown channel',
      { channel: 'carrier_pigeon' },
      'channel',
      /unknown channel "carrier_pigeon"; allowed channels are boards, group_chat, helpline, counselling, crisis_text, chatbot, email, workshop/,
    ],
    ['a date that is not ISO-8601', { occurredAt: '1 March 2025' }, 'occurredAt', /ISO-8601 date-time/],
    ['a day that does not exist', { occurredAt: '2023-02-29T10:00:00Z' }, 'occurredAt', /ISO-8601 date-time/],
    ['a date-time without a time zone', { occurredAt: '2025-03-01T10:00:00' }, 'occurredAt', /with a time zone/],
    ['an extra field', { notes: 'hello' }, 'notes', /not a known field/],
    ['a missing boolean', { hasSocialWorker: undefined }, 'hasSocialWorker', /is required: true or false/],
    ['a boolean given as text', { declaredSafe: 'no' }, 'declaredSafe', /must be true or false/],
  ])('%s', (_what, change, field, message) => {
    const errors = errorsFor({ ...GOOD, ...change });
    expect(errors).toEqual([{ field, message: expect.stringMatching(message) }]);
  });

  it('refuses something that is not an object', () => {
    expect(errorsFor([GOOD])).toEqual([{ field: 'input', message: 'must be a JSON object' }]);
    expect(errorsFor(null)).toEqual([{ field: 'input', message: 'must be a JSON object' }]);
  });

  it('reports every offending field at once', () => {
    const errors = errorsFor({ age: 200, channel: 'fax', indicators: ['X'], extra: 1 });
    expect(errors.map((e) => e.field).sort()).toEqual(
      [
        'adultAtRisk',
        'age',
        'channel',
        'declaredSafe',
        'extra',
        'hasSocialWorker',
        'indicators',
        'informationComplete',
        'occurredAt',
      ].sort(),
    );
  });
});

describe('validatePolicyInput accepts', () => {
  it('a good input, unchanged', () => {
    expect(validatePolicyInput(GOOD)).toEqual({ ok: true, value: GOOD });
  });

  it('duplicate indicators, keeping each once in first-seen order', () => {
    const result = validatePolicyInput({ ...GOOD, indicators: ['TERRORISM', 'ONGOING_ABUSE', 'TERRORISM'] });
    expect(result).toEqual({ ok: true, value: { ...GOOD, indicators: ['TERRORISM', 'ONGOING_ABUSE'] } });
  });

  it.each([
    ['absent', undefined],
    ['null', null],
  ])('an unknown age given as %s, leaving age out', (_how, age) => {
    const result = validatePolicyInput({ ...GOOD, age });
    const { age: _dropped, ...withoutAge } = GOOD;
    expect(result).toEqual({ ok: true, value: withoutAge });
    expect(result.ok && 'age' in result.value).toBe(false);
  });

  it.each([0, 120])('age %i, the edges of the range', (age) => {
    expect(validatePolicyInput({ ...GOOD, age })).toEqual({ ok: true, value: { ...GOOD, age } });
  });

  it.each(['2025-03-01T10:00Z', '2025-03-01T10:00:00.123456+01:00', '2025-03-01T10:00:00-0500'])(
    'date-time %s',
    (occurredAt) => {
      expect(validatePolicyInput({ ...GOOD, occurredAt }).ok).toBe(true);
    },
  );
});

describe('validatePolicyInput keeps its answer short', () => {
  it('names the first five unknown indicators only, however many there are', () => {
    const indicators = Array.from({ length: 10_000 }, (_, i) => `X${i}`);
    const errors = errorsFor({ ...GOOD, indicators });
    expect(errors.map((e) => e.message.slice(0, 30))).toEqual(
      [0, 1, 2, 3, 4].map((i) => `unknown indicator "X${i}" at position ${i}`.slice(0, 30)),
    );
  });
});
