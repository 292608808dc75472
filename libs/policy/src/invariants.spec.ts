// Properties that must hold for every input, checked on 10,000 generated inputs each.
import fc from 'fast-check';
import {
  ACTIONS,
  AGENCIES,
  CHANNELS,
  evaluatePolicy,
  FLAGS,
  INDICATOR_CODES,
  IndicatorCode,
  Level,
  LEVELS,
  PolicyInput,
  PolicyOutput,
  RULES,
} from '@sg/policy';

// Mutation testing runs these once per mutant, so it asks for fewer inputs (jest.mutation.config.js).
const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 10_000) };
const rank = (level: Level) => LEVELS.indexOf(level);

// Edges of the two effective dates, plus any instant from 2010 to 2035.
const instant = (min: string, max: string) =>
  fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true }).map((d) => d.toISOString());
const edges = [
  '2018-11-18T23:59:59Z',
  '2018-11-19T00:00:00Z',
  '2024-10-31T23:59:59.999Z',
  '2024-11-01T00:00:00Z',
  '2024-11-01T00:30:00+01:00',
];
const anyInstant = fc.oneof(fc.constantFrom(...edges), instant('2010-01-01T00:00:00Z', '2035-01-01T00:00:00Z'));
const legacyInstant = fc.oneof(
  fc.constantFrom(edges[0], edges[1], edges[2], edges[4]),
  instant('2010-01-01T00:00:00Z', '2024-10-31T23:59:59.999Z'),
);

// Ages around the limits that matter (13, 16, 18) come up often; absent means unknown.
const anyAge = fc.option(fc.oneof(fc.constantFrom(11, 12, 13, 15, 16, 17, 18), fc.integer({ min: 0, max: 120 })), {
  nil: undefined,
});
const indicator = fc.constantFrom(...INDICATOR_CODES);

function inputs(
  over: { occurredAt?: fc.Arbitrary<string>; age?: fc.Arbitrary<number | undefined> } = {},
): fc.Arbitrary<PolicyInput> {
  return fc
    .record({
      occurredAt: over.occurredAt ?? anyInstant,
      channel: fc.constantFrom(...CHANNELS),
      age: over.age ?? anyAge,
      adultAtRisk: fc.boolean(),
      indicators: fc.array(indicator, { maxLength: 6 }),
      declaredSafe: fc.boolean(),
      informationComplete: fc.boolean(),
      hasSocialWorker: fc.boolean(),
    })
    .map(({ age, ...rest }) => (age === undefined ? rest : { ...rest, age }));
}

const has = (input: PolicyInput, code: IndicatorCode) => input.indicators.includes(code);

describe('policy invariants', () => {
  it('the chatbot never leads to a referral', () => {
    fc.assert(
      fc.property(inputs(), (input) => {
        const out = evaluatePolicy({ ...input, channel: 'chatbot' });
        expect(out.level).toBe('NONE');
        expect(out.agencies).toEqual([]);
        expect(out.actions).toEqual([]);
      }),
      RUNS,
    );
  });

  it('adding an indicator never lowers the level nor drops an agency', () => {
    fc.assert(
      fc.property(inputs(), indicator, (input, extra) => {
        const before = evaluatePolicy(input);
        const after = evaluatePolicy({ ...input, indicators: [...input.indicators, extra] });
        expect(rank(after.level)).toBeGreaterThanOrEqual(rank(before.level));
        expect(after.agencies).toEqual(expect.arrayContaining(before.agencies));
      }),
      RUNS,
    );
  });

  it('an adult (18+) not at risk gets NON_EMERGENCY only through TERRORISM', () => {
    const adults = inputs({ age: fc.integer({ min: 18, max: 120 }) }).map((i) => ({ ...i, adultAtRisk: false }));
    fc.assert(
      fc.property(adults, (input) => {
        const out = evaluatePolicy(input);
        if (!has(input, 'TERRORISM')) expect(out.level).not.toBe('NON_EMERGENCY');
        if (!has(input, 'TERRORISM')) expect(out.agencies).not.toContain('POLICE_NON_EMERGENCY');
        expect(out.agencies).not.toContain('SOCIAL_WORKER');
        expect(out.agencies).not.toContain('CARE_PROFESSIONAL');
      }),
      RUNS,
    );
  });

  it('"I\'m safe" never gives a lower level than not saying it', () => {
    fc.assert(
      fc.property(inputs(), (input) => {
        const safe = evaluatePolicy({ ...input, declaredSafe: true });
        const notSaid = evaluatePolicy({ ...input, declaredSafe: false });
        expect(rank(safe.level)).toBeGreaterThanOrEqual(rank(notSaid.level));
        expect(safe.agencies).toEqual(notSaid.agencies);
      }),
      RUNS,
    );
  });

  it('legacy never makes a protective non-emergency referral', () => {
    fc.assert(
      fc.property(inputs({ occurredAt: legacyInstant }), (input) => {
        const out = evaluatePolicy(input);
        expect(out.policyVersion).toBe('legacy');
        expect(out.agencies).not.toContain('SOCIAL_WORKER');
        expect(out.agencies).not.toContain('CARE_PROFESSIONAL');
        if (!has(input, 'TERRORISM')) expect(out.level).not.toBe('NON_EMERGENCY');
        if (!has(input, 'TERRORISM')) expect(out.agencies).not.toContain('POLICE_NON_EMERGENCY');
      }),
      RUNS,
    );
  });

  it('the same input always gives the same output, and the input is left untouched', () => {
    fc.assert(
      fc.property(inputs(), (input) => {
        const copy = structuredClone(input);
        const first = evaluatePolicy(input);
        expect(input).toEqual(copy);
        const second = evaluatePolicy(input);
        expect(second).toEqual(first);
      }),
      RUNS,
    );
  });

  it('signposting is present exactly when the level is NONE', () => {
    fc.assert(
      fc.property(inputs(), (input) => {
        const out = evaluatePolicy(input);
        expect(out.signposting.length > 0).toBe(out.level === 'NONE');
      }),
      RUNS,
    );
  });

  it('every list in the output is in its fixed order, without repeats', () => {
    const inOrder = <T>(order: readonly T[], items: readonly T[]) =>
      expect(items).toEqual(order.filter((x) => items.includes(x)));
    fc.assert(
      fc.property(inputs(), (input) => {
        const out: PolicyOutput = evaluatePolicy(input);
        inOrder(AGENCIES, out.agencies);
        inOrder(ACTIONS, out.actions);
        inOrder(FLAGS, out.flags);
        inOrder(
          RULES.map((r) => r.id),
          out.rules,
        );
      }),
      RUNS,
    );
  });
});
