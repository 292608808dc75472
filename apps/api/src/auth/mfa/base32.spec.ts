import { base32 } from './base32';

describe('base32 (RFC 4648 §10 test vectors, without padding)', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('%j → %s', (text, encoded) => {
    expect(base32(Buffer.from(text))).toBe(encoded);
  });
});
