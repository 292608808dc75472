import { auditCaseLog, SignedLogEntry } from './chain-audit';
import { GENESIS_HASH } from './log-entry';
import { publicKeysOf } from './keyring';
import { checkpointOf, minute, rewriteFrom, signedChain, signedEntry, testKeys } from './testing/signed-chain';

const key = testKeys();
const CASE = 'case-a';

function audit(entries: SignedLogEntry[], checkpoints = [checkpointOf(key, signedChain(key, CASE, 5)[4])]) {
  return auditCaseLog(CASE, entries, checkpoints, key.keys);
}

describe('auditCaseLog', () => {
  it('accepts a clean chain with its checkpoints, and entries added after the last checkpoint', () => {
    const entries = signedChain(key, CASE, 7);
    const checkpoints = [checkpointOf(key, entries[1]), checkpointOf(key, entries[4])];
    expect(auditCaseLog(CASE, entries, checkpoints, key.keys)).toEqual({
      valid: true,
      entries: 7,
      headHash: entries[6].hash,
      checkpointedSeq: 5,
    });
    expect(auditCaseLog(CASE, [], [], key.keys)).toEqual({ valid: true, entries: 0, headHash: GENESIS_HASH });
  });

  it.each([
    ['changed data', (e: SignedLogEntry[]) => e.map((x) => (x.seq === 3 ? { ...x, data: { n: 99 } } : x)), 3],
    ['changed actor', (e: SignedLogEntry[]) => e.map((x) => (x.seq === 2 ? { ...x, actor: 'someone' } : x)), 2],
    [
      'changed time',
      (e: SignedLogEntry[]) => e.map((x) => (x.seq === 4 ? { ...x, at: '2026-01-01T00:04:30.000Z' } : x)),
      4,
    ],
    ['swapped entries', (e: SignedLogEntry[]) => [e[0], e[2], e[1], e[3], e[4]], 2],
    ['entry of another case', (e: SignedLogEntry[]) => e.map((x) => (x.seq === 2 ? { ...x, caseId: 'case-b' } : x)), 2],
    [
      'one entry re-hashed (old signature kept), the next link left broken',
      (e: SignedLogEntry[]) => [...rewriteFrom(e, 3).slice(0, 3), ...e.slice(3)],
      3,
    ],
    ['deleted middle entry', (e: SignedLogEntry[]) => e.filter((x) => x.seq !== 2), 2],
    ['deleted last entry', (e: SignedLogEntry[]) => e.slice(0, 4), 5],
    ['deleted last two entries', (e: SignedLogEntry[]) => e.slice(0, 3), 4],
    ['all entries deleted (truncated)', () => [], 1],
    ['rewritten from seq 3, old signatures kept', (e: SignedLogEntry[]) => rewriteFrom(e, 3), 3],
    ['rewritten from seq 2, signed with another key', (e: SignedLogEntry[]) => rewriteFrom(e, 2, testKeys()), 2],
    [
      'rewritten from seq 4, signatures removed',
      (e: SignedLogEntry[]) => rewriteFrom(e, 4).map((x) => (x.seq >= 4 ? { ...x, signature: null } : x)),
      4,
    ],
  ])('names the first bad entry after: %s', (_what, tamper, firstBad) => {
    const result = audit(tamper(signedChain(key, CASE, 5)));
    expect(result).toMatchObject({ valid: false, firstInvalidSeq: firstBad });
    expect(result.reason).toEqual(expect.any(String));
  });

  it('catches entries re-appended (and properly signed) in place of removed ones, by their time', () => {
    const original = signedChain(key, CASE, 5);
    // Truncated after the checkpoint; the service then appended to the empty chain and signed as usual.
    const reappended = [signedEntry(key, CASE, 1, GENESIS_HASH, { at: minute(30) })];
    expect(audit(reappended)).toMatchObject({ valid: false, firstInvalidSeq: 1 });
    // Last entry removed, a new one appended at its seq.
    const replaced = [
      ...original.slice(0, 4),
      signedEntry(key, CASE, 5, original[3].hash, { at: minute(30), type: 'other' }),
    ];
    expect(audit(replaced)).toMatchObject({ valid: false, firstInvalidSeq: 5 });
  });

  it('treats a checkpoint that does not verify as tampering', () => {
    const entries = signedChain(key, CASE, 5);
    const forged = { ...checkpointOf(key, entries[2]), headHash: 'f'.repeat(64) };
    expect(auditCaseLog(CASE, entries, [forged], key.keys)).toMatchObject({
      valid: false,
      firstInvalidSeq: 3,
      reason: expect.stringMatching(/signature/),
    });
    const otherKey = checkpointOf(testKeys(), entries[4]);
    expect(auditCaseLog(CASE, entries, [otherKey], key.keys)).toMatchObject({ valid: false, firstInvalidSeq: 5 });
  });

  it('ignores checkpoints of other cases', () => {
    const entries = signedChain(key, CASE, 2);
    const other = checkpointOf(key, signedChain(key, 'case-b', 9)[8]);
    expect(auditCaseLog(CASE, entries, [other], key.keys)).toMatchObject({ valid: true });
  });

  it('refuses a chain signed with another key even when its hashes hold', () => {
    expect(auditCaseLog(CASE, signedChain(testKeys(), CASE, 3), [], key.keys)).toMatchObject({
      valid: false,
      firstInvalidSeq: 1,
    });
  });

  it('names the first entry whose prevHash does not link, even when every entry is genuinely signed', () => {
    // Two versions of the case's chain, both written and signed by the service, spliced at seq 3.
    const other: SignedLogEntry[] = [];
    for (let seq = 1; seq <= 5; seq++)
      other.push(signedEntry(key, CASE, seq, other[seq - 2]?.hash ?? GENESIS_HASH, { data: { n: seq, v: 2 } }));
    const spliced = [...signedChain(key, CASE, 5).slice(0, 2), ...other.slice(2)];
    for (const result of [audit(spliced), audit(spliced, [])])
      expect(result).toMatchObject({ valid: false, firstInvalidSeq: 3, reason: expect.stringMatching(/prevHash/) });
  });

  it('checks one signature per checkpoint: entries it covers need none of their own, entries after it do', () => {
    const entries = signedChain(key, CASE, 7);
    const checkpoints = [checkpointOf(key, entries[4])];
    const unsigned = (upTo: number) => entries.map((e) => (e.seq <= upTo ? { ...e, signature: null } : e));
    expect(auditCaseLog(CASE, unsigned(5), checkpoints, key.keys)).toMatchObject({ valid: true, checkpointedSeq: 5 });
    expect(auditCaseLog(CASE, unsigned(6), checkpoints, key.keys)).toMatchObject({ valid: false, firstInvalidSeq: 6 });
    // a checkpoint whose head the chain does not reproduce covers nothing
    const moved = [checkpointOf(key, signedEntry(key, CASE, 5, entries[3].hash, { data: { other: true } }))];
    expect(auditCaseLog(CASE, unsigned(5), moved, key.keys)).toMatchObject({ valid: false, firstInvalidSeq: 1 });
  });

  it('verifies across a key rotation with the previous public key in the keyring, and not without it', () => {
    const old = testKeys();
    const before = signedChain(old, CASE, 3);
    const after = [signedEntry(key, CASE, 4, before[2].hash)];
    after.push(signedEntry(key, CASE, 5, after[0].hash));
    const entries = [...before, ...after];
    const both = publicKeysOf([key.publicKey, old.publicKey]);
    const checkpoints = [checkpointOf(old, before[1]), checkpointOf(key, after[0])];
    expect(auditCaseLog(CASE, entries, checkpoints, both)).toMatchObject({ valid: true, checkpointedSeq: 4 });
    expect(auditCaseLog(CASE, entries, [], both)).toMatchObject({ valid: true });
    expect(auditCaseLog(CASE, entries, [], key.keys)).toMatchObject({
      valid: false,
      firstInvalidSeq: 1,
      reason: expect.stringContaining(`signed with key ${old.keyId}, which is not one of the log's public keys`),
    });
    expect(auditCaseLog(CASE, entries, checkpoints, key.keys)).toMatchObject({ valid: false, firstInvalidSeq: 2 });
  });

  it('verifies an entry that names no key (written before key ids) with any key of the keyring', () => {
    const old = testKeys();
    const legacy = signedChain(old, CASE, 2).map((e) => ({ ...e, keyId: null }));
    expect(auditCaseLog(CASE, legacy, [], publicKeysOf([key.publicKey, old.publicKey]))).toMatchObject({ valid: true });
    expect(auditCaseLog(CASE, legacy, [], key.keys)).toMatchObject({ valid: false, firstInvalidSeq: 1 });
    // naming a key cannot make a signature verify: the key named must have made it
    const misnamed = signedChain(old, CASE, 2).map((e) => ({ ...e, keyId: key.keyId }));
    expect(auditCaseLog(CASE, misnamed, [], publicKeysOf([key.publicKey, old.publicKey]))).toMatchObject({
      valid: false,
      firstInvalidSeq: 1,
    });
  });
});
