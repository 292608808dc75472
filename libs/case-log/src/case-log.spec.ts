import { createHash } from 'node:crypto';
import { computeEntryHash, GENESIS_HASH, LogEntry, UnhashedEntry } from './index';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function chain(count: number): LogEntry[] {
  const entries: LogEntry[] = [];
  for (let seq = 1; seq <= count; seq++) {
    const unhashed: UnhashedEntry = {
      caseId: 'case-a',
      seq,
      at: `2026-01-01T00:00:0${seq}.000Z`,
      actor: 'system',
      type: seq === 1 ? 'case.opened' : 'note',
      data: { n: seq, text: 'é\u2028"' },
      prevHash: entries.length ? entries[entries.length - 1].hash : GENESIS_HASH,
    };
    entries.push({ ...unhashed, hash: computeEntryHash(unhashed) });
  }
  return entries;
}

describe('entry hash', () => {
  it('is sha256 of the RFC 8785 form with keys sorted and no whitespace', () => {
    const entry: UnhashedEntry = {
      type: 'case.opened',
      seq: 1,
      prevHash: GENESIS_HASH,
      data: { b: 1, a: 'x', nested: { z: true, y: null } },
      caseId: 'c1',
      at: '2026-01-01T00:00:00.000Z',
      actor: 'system',
    };
    const written =
      '{"actor":"system","at":"2026-01-01T00:00:00.000Z","caseId":"c1",' +
      '"data":{"a":"x","b":1,"nested":{"y":null,"z":true}},' +
      `"prevHash":"${GENESIS_HASH}","seq":1,"type":"case.opened"}`;
    expect(computeEntryHash(entry)).toBe(sha256(written));
  });

  it('ignores fields outside the seven that SPEC §4 names', () => {
    const base = chain(1)[0];
    const withExtra = { ...base, storedAt: 'elsewhere' } as unknown as UnhashedEntry;
    expect(computeEntryHash(withExtra)).toBe(base.hash);
  });
});
