import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
import { canonicalEntry } from './entry-hash';
import { UnhashedEntry } from './log-entry';

const fields = (e: UnhashedEntry) => {
  const { caseId, seq, at, actor, type, data, prevHash } = e;
  return { caseId, seq, at, actor, type, data, prevHash };
};

describe("the entry's canonical form", () => {
  it('is byte for byte what the general RFC 8785 canonicaliser gives, for any field values', () => {
    const text = fc.string({ unit: 'grapheme-composite' });
    const anyText = fc.oneof(text, fc.string({ unit: 'binary' }), fc.constantFrom('', '"\\\u2028\u0000é'));
    const entry = fc.record({
      caseId: anyText,
      seq: fc.oneof(fc.integer({ min: 1 }), fc.double(), fc.constant(-0)),
      at: anyText,
      actor: anyText,
      type: anyText,
      data: fc.dictionary(anyText, fc.jsonValue()) as fc.Arbitrary<Record<string, unknown>>,
      prevHash: anyText,
    });
    fc.assert(
      fc.property(entry, (e) => {
        if (!Number.isFinite(e.seq)) return; // not JSON at all
        expect(canonicalEntry(e)).toBe(canonicalJson(fields(e)));
      }),
      { numRuns: 300 },
    );
  });

  it('takes the general path for fields of unusual types, so a tampered export line hashes as JCS says', () => {
    const odd = { caseId: 'c', seq: 1, at: 'x', actor: 7, type: 't', data: {}, prevHash: 'p' };
    expect(canonicalEntry(odd as unknown as UnhashedEntry)).toBe(canonicalJson(odd));
  });
});
