import { auditCaseLog, SignedLogEntry } from './chain-audit';
import { GENESIS_HASH } from './log-entry';
import { checkpointOf, minute, rewriteFrom, signedChain, signedEntry, testKeys } from './testing/signed-chain';

const { privateKey, publicKey } = testKeys();
const CASE = 'case-a';

function audit(
  entries: SignedLogEntry[],
  checkpoints = [checkpointOf(privateKey, signedChain(privateKey, CASE, 5)[4])],
) {
  return auditCaseLog(CASE, entries, checkpoints, publicKey);
}

describe('auditCaseLog', () => {
  it('accepts a clean chain with its checkpoints, and entries added after the last checkpoint', () => {
    const entries = signedChain(privateKey, CASE, 7);
    const checkpoints = [checkpointOf(privateKey, entries[1]), checkpointOf(privateKey, entries[4])];
    expect(auditCaseLog(CASE, entries, checkpoints, publicKey)).toEqual({
      valid: true,
      entries: 7,
      headHash: entries[6].hash,
      checkpointedSeq: 5,
    });
    expect(auditCaseLog(CASE, [], [], publicKey)).toEqual({ valid: true, entries: 0, headHash: GENESIS_HASH });
  });

  it.each([
    ['changed data', (e: SignedLogEntry[]) => e.map((x) => (x.seq === 3 ? { ...x, data: { n: 99 } } : x)), 3],
    ['deleted middle entry', (e: SignedLogEntry[]) => e.filter((x) => x.seq !== 2), 2],
    ['deleted last entry', (e: SignedLogEntry[]) => e.slice(0, 4), 5],
    ['deleted last two entries', (e: SignedLogEntry[]) => e.slice(0, 3), 4],
    ['all entries deleted (truncated)', () => [], 1],
    ['rewritten from seq 3, old signatures kept', (e: SignedLogEntry[]) => rewriteFrom(e, 3), 3],
    [
      'rewritten from seq 2, signed with another key',
      (e: SignedLogEntry[]) => rewriteFrom(e, 2, testKeys().privateKey),
      2,
    ],
    [
      'rewritten from seq 4, signatures removed',
      (e: SignedLogEntry[]) => rewriteFrom(e, 4).map((x) => (x.seq >= 4 ? { ...x, signature: null } : x)),
      4,
    ],
  ])('names the first bad entry after: %s', (_what, tamper, firstBad) => {
    const result = audit(tamper(signedChain(privateKey, CASE, 5)));
    expect(result).toMatchObject({ valid: false, firstInvalidSeq: firstBad });
    expect(result.reason).toEqual(expect.any(String));
  });

  it('catches entries re-appended (and properly signed) in place of removed ones, by their time', () => {
    const original = signedChain(privateKey, CASE, 5);
    // Truncated after the checkpoint; the service then appended to the empty chain and signed as usual.
    const reappended = [signedEntry(privateKey, CASE, 1, GENESIS_HASH, { at: minute(30) })];
    expect(audit(reappended)).toMatchObject({ valid: false, firstInvalidSeq: 1 });
    // Last entry removed, a new one appended at its seq.
    const replaced = [
      ...original.slice(0, 4),
      signedEntry(privateKey, CASE, 5, original[3].hash, { at: minute(30), type: 'other' }),
    ];
    expect(audit(replaced)).toMatchObject({ valid: false, firstInvalidSeq: 5 });
  });

  it('treats a checkpoint that does not verify as tampering', () => {
    const entries = signedChain(privateKey, CASE, 5);
    const forged = { ...checkpointOf(privateKey, entries[2]), headHash: 'f'.repeat(64) };
    expect(auditCaseLog(CASE, entries, [forged], publicKey)).toMatchObject({
      valid: false,
      firstInvalidSeq: 3,
      reason: expect.stringMatching(/signature/),
    });
    const otherKey = checkpointOf(testKeys().privateKey, entries[4]);
    expect(auditCaseLog(CASE, entries, [otherKey], publicKey)).toMatchObject({ valid: false, firstInvalidSeq: 5 });
  });

  it('ignores checkpoints of other cases', () => {
    const entries = signedChain(privateKey, CASE, 2);
    const other = checkpointOf(privateKey, signedChain(privateKey, 'case-b', 9)[8]);
    expect(auditCaseLog(CASE, entries, [other], publicKey)).toMatchObject({ valid: true });
  });

  it('refuses a chain signed with another key even when its hashes hold', () => {
    expect(auditCaseLog(CASE, signedChain(testKeys().privateKey, CASE, 3), [], publicKey)).toMatchObject({
      valid: false,
      firstInvalidSeq: 1,
    });
  });
});
