import type { EntityManager } from 'typeorm';
import { SignedLogEntry } from '../log-entry';
import { checkpointOf, signedChain, signedEntry, testKeys } from '../testing/signed-chain';
import { checkpointChain } from './chain-checkpoint';

const key = testKeys();
const CASE = 'case-a';

const entryRow = (e: SignedLogEntry) => ({
  case_id: e.caseId,
  seq: e.seq,
  at: new Date(e.at),
  actor: e.actor,
  type: e.type,
  data: e.data,
  prev_hash: e.prevHash,
  hash: e.hash,
  signature: e.signature,
  key_id: e.keyId,
});

/** A database holding `entries` and, optionally, a last checkpoint; it records what is asked and inserted. */
function database(entries: SignedLogEntry[], lastCheckpointOf?: SignedLogEntry) {
  const asked: number[] = [];
  const inserted: unknown[][] = [];
  const checkpoint = lastCheckpointOf && checkpointOf(key, lastCheckpointOf);
  const query = async (sql: string, params: unknown[] = []) => {
    if (sql.includes('FROM case_log_checkpoints') && sql.includes('LIMIT 1'))
      return checkpoint
        ? [
            {
              ...checkpoint,
              case_id: CASE,
              head_hash: checkpoint.headHash,
              head_at: new Date(checkpoint.headAt),
              checkpointed_at: new Date(checkpoint.checkpointedAt),
              key_id: checkpoint.keyId,
            },
          ]
        : [];
    if (sql.includes('FROM case_log_entries')) {
      asked.push(params[1] as number);
      return entries.filter((e) => e.seq >= (params[1] as number)).map(entryRow);
    }
    if (sql.startsWith('INSERT')) {
      inserted.push(params);
      return [{ seq: params[1] }];
    }
    throw new Error(`unexpected query: ${sql}`);
  };
  return { db: { query } as unknown as EntityManager, asked, inserted };
}

describe('checkpointChain', () => {
  it('verifies only the entries since the last checkpoint, and signs the new head as the next leaf', async () => {
    const entries = signedChain(key, CASE, 7);
    // entries under the checkpoint are not even read: damage there is for a full audit (GET /log/verify) to name
    const { db, asked, inserted } = database(entries, entries[4]);
    await expect(checkpointChain(db, CASE, key, key.keys)).resolves.toEqual({ checkpointed: true });
    expect(asked).toEqual([5]);
    expect(inserted).toEqual([
      [CASE, 7, entries[6].hash, entries[6].at, expect.any(String), expect.any(String), key.keyId],
    ]);
  });

  it('reads the whole chain when it has no checkpoint yet', async () => {
    const { db, asked, inserted } = database(signedChain(key, CASE, 3));
    await expect(checkpointChain(db, CASE, key, key.keys)).resolves.toEqual({ checkpointed: true });
    expect([asked, inserted.length]).toEqual([[1], 1]);
  });

  it.each([
    [
      'an entry after it signed with another key',
      (e: SignedLogEntry[]) => [...e.slice(0, 5), signedEntry(testKeys(), CASE, 6, e[4].hash)],
      6,
    ],
    ['the checkpointed entry gone', (e: SignedLogEntry[]) => [...e.slice(0, 4), ...e.slice(5)], 5],
    [
      'the checkpointed entry changed',
      (e: SignedLogEntry[]) => e.map((x) => (x.seq === 5 ? { ...x, hash: 'f'.repeat(64) } : x)),
      5,
    ],
  ])('refuses, and signs nothing, with %s', async (_what, tamper, firstInvalidSeq) => {
    const entries = signedChain(key, CASE, 7);
    const { db, inserted } = database(tamper(entries), entries[4]);
    await expect(checkpointChain(db, CASE, key, key.keys)).resolves.toMatchObject({ caseId: CASE, firstInvalidSeq });
    expect(inserted).toEqual([]);
  });
});
