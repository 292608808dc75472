// The edges of the chain audit that a mutation run found no test for: each is a way a tampered log could pass.
import { auditCaseLog } from './chain-audit';
import { checkpointOf, rewriteFrom, signedChain, testKeys } from './testing/signed-chain';

const key = testKeys();
const CASE = 'case-a';

describe('auditCaseLog, at its edges', () => {
  it('refuses another case’s chain, whole, genuinely signed and checkpointed, offered as this case’s', () => {
    const other = signedChain(key, 'case-b', 3);
    expect(auditCaseLog(CASE, other, [], key.keys)).toMatchObject({
      valid: false,
      firstInvalidSeq: 1,
      reason: 'entry belongs to another case',
    });
  });

  it('a checkpoint taken at the entry where the link breaks vouches for nothing before it', () => {
    // Entry 3 re-hashed (its old signature kept), the link from entry 4 left broken, a checkpoint at seq 4.
    const entries = signedChain(key, CASE, 5);
    const tampered = [...rewriteFrom(entries, 3).slice(0, 3), ...entries.slice(3)];
    expect(auditCaseLog(CASE, tampered, [checkpointOf(key, entries[3])], key.keys)).toMatchObject({
      valid: false,
      firstInvalidSeq: 3,
    });
  });

  it('names a missing entry as a gap in the seqs, not only as a broken link', () => {
    const entries = signedChain(key, CASE, 4).filter((e) => e.seq !== 2);
    expect(auditCaseLog(CASE, entries, [], key.keys)).toMatchObject({
      firstInvalidSeq: 2,
      reason: 'expected seq 2, found 3',
    });
  });

  it('says an entry with no signature is not signed, rather than that its signature fails', () => {
    const entries = signedChain(key, CASE, 2).map((e) => (e.seq === 2 ? { ...e, signature: null } : e));
    expect(auditCaseLog(CASE, entries, [], key.keys)).toMatchObject({
      firstInvalidSeq: 2,
      reason: 'entry is not signed',
    });
  });

  it('takes the checkpoints in seq order, whatever order they come in', () => {
    const entries = signedChain(key, CASE, 5);
    const checkpoints = [checkpointOf(key, entries[4]), checkpointOf(key, entries[1])];
    expect(auditCaseLog(CASE, entries, checkpoints, key.keys)).toMatchObject({ valid: true, checkpointedSeq: 5 });
  });

  it('an entry written in the same millisecond as the checkpoint that covers it was not written after it', () => {
    const entries = signedChain(key, CASE, 3);
    const sameMoment = checkpointOf(key, entries[2], { checkpointedAt: entries[2].at });
    expect(auditCaseLog(CASE, entries, [sameMoment], key.keys)).toEqual({
      valid: true,
      entries: 3,
      headHash: entries[2].hash,
      checkpointedSeq: 3,
    });
  });
});
