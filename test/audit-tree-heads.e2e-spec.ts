import { Client, Connection } from '@temporalio/client';
import { withDb } from './support/db';
import { e2eEnv } from './support/env';
import { as, exclusively, openAssessedCase, openCase, verifyLog } from './support/audit';
import { eventually } from './support/eventually';
import { asDatabaseOwner, consistent, putBack, TreeHead, treeHeadSignedByKey } from './support/tree-heads';

const { databaseUrl, temporalAddress } = e2eEnv();

async function checkpointNow(): Promise<TreeHead> {
  const run = await as('auditor.eve', 'POST', '/audit/checkpoints');
  expect(run.status).toBe(200);
  return run.body.treeHead as TreeHead;
}

const heads = async (): Promise<TreeHead[]> => (await as('auditor.eve', 'GET', '/audit/tree-heads')).body.heads;

/** What an auditor holding `held` asks the service: is the tree in the database now still an extension of it? */
async function stillExtends(held: TreeHead): Promise<boolean> {
  const answer = await as('auditor.eve', 'GET', `/audit/tree-heads/consistency?from=${held.treeSize}`);
  if (answer.status === 409) return false;
  expect(answer.status).toBe(200);
  const { to, rootHash, proof } = answer.body;
  return consistent(held.treeSize, to, held.rootHash, rootHash, proof);
}

const lastCheckpointedSeq = (caseId: string) =>
  withDb(databaseUrl, async (db) => {
    const { rows } = await db.query('SELECT max(seq) AS seq FROM case_log_checkpoints WHERE case_id = $1', [caseId]);
    return rows[0].seq as number;
  });

describe('signed tree heads over every checkpoint, published outside the database', () => {
  it('are for auditors, refuse a bad range, and only grow, each head provably extending the one before', async () => {
    expect((await as('officer.amy', 'GET', '/audit/tree-heads')).status).toBe(403);
    for (const query of ['', '?from=0', '?from=x', '?from=2&to=1', '?from=1&to=999999999'])
      expect([query, (await as('auditor.eve', 'GET', `/audit/tree-heads/consistency${query}`)).status]).toEqual([
        query,
        400,
      ]);
    const key = (await as('auditor.eve', 'GET', '/audit/public-key')).body;
    await exclusively(async () => {
      await openCase();
      const first = await checkpointNow();
      await openCase();
      const second = await checkpointNow();
      expect(second.treeSize).toBeGreaterThan(first.treeSize);
      const published = await heads(); // the schedule may publish heads of its own in between
      expect(published).toContainEqual(second);
      expect(published.findIndex((h) => h.treeSize === first.treeSize)).toBeLessThan(
        published.findIndex((h) => h.treeSize === second.treeSize),
      );
      expect(published).toContainEqual(first);
      for (const head of [first, second]) {
        expect(head.keyId).toBe(key.keyId);
        expect(treeHeadSignedByKey(head, key.publicKey)).toBe(true);
        expect(treeHeadSignedByKey({ ...head, treeSize: head.treeSize + 1 }, key.publicKey)).toBe(false);
      }
      const proof = await as(
        'auditor.eve',
        'GET',
        `/audit/tree-heads/consistency?from=${first.treeSize}&to=${second.treeSize}`,
      );
      expect(proof.body.rootHash).toBe(second.rootHash);
      expect(consistent(first.treeSize, second.treeSize, first.rootHash, second.rootHash, proof.body.proof)).toBe(true);
      expect(consistent(first.treeSize, second.treeSize, second.rootHash, second.rootHash, proof.body.proof)).toBe(
        false,
      );
      expect(await stillExtends(first)).toBe(true);
    });
  });

  it('are made by the worker on a Temporal Schedule, without anyone asking', async () => {
    await exclusively(async () => {
      const before = (await heads()).at(-1)?.treeSize ?? 0;
      await openCase();
      const connection = await Connection.connect({ address: temporalAddress });
      try {
        await new Client({ connection }).schedule.getHandle('case-log-checkpoints').trigger();
      } finally {
        await connection.close();
      }
      const grown = await eventually('a tree head from the scheduled run', async () =>
        ((await heads()).at(-1)?.treeSize ?? 0) > before ? true : undefined,
      );
      expect(grown).toBe(true);
    });
  });

  it('show a whole case deleted by the database owner to anyone holding an earlier head', async () => {
    const caseId = await openAssessedCase();
    await exclusively(async () => {
      const held = await checkpointNow(); // covers this case's checkpoint
      await openCase();
      const later = await checkpointNow();
      const publishedBefore = (await heads()).length;
      const removed = await asDatabaseOwner(caseId, async (query) => {
        for (const table of ['case_tasks', 'outbox_messages', 'case_log_checkpoints', 'case_log_entries'])
          await query(`DELETE FROM ${table} WHERE case_id = $1`);
        await query('DELETE FROM cases WHERE id = $1');
      });
      try {
        expect(removed.case_log_checkpoints.length).toBeGreaterThan(0);
        // The database alone no longer knows the case; the heads kept outside it do.
        expect((await verifyLog(caseId)).status).toBe(404);
        expect(await stillExtends(held)).toBe(false);
        expect(await stillExtends(later)).toBe(false);
        const refused = await as('auditor.eve', 'POST', '/audit/checkpoints');
        expect(refused.status).toBe(409);
        expect(refused.body).toMatchObject({
          code: 'AUDIT.TREE_INCONSISTENT',
          message: expect.stringMatching(/removed/),
        });
        expect((await heads()).length).toBe(publishedBefore); // nothing published over the damaged tree
      } finally {
        await putBack(caseId, removed);
      }
      expect(await stillExtends(later)).toBe(true);
      expect((await as('auditor.eve', 'POST', '/audit/checkpoints')).status).toBe(200);
    });
  });

  it("show the tail of a case's log deleted with the checkpoints of it, which the database alone cannot", async () => {
    const caseId = await openAssessedCase();
    await exclusively(async () => {
      await checkpointNow();
      const kept = await lastCheckpointedSeq(caseId);
      expect((await as('auditor.eve', 'GET', `/cases/${caseId}/log`)).status).toBe(200); // appends case.viewed
      const held = await checkpointNow(); // covers the tail
      expect(await lastCheckpointedSeq(caseId)).toBeGreaterThan(kept);
      const removed = await asDatabaseOwner(caseId, async (query) => {
        await query(`DELETE FROM case_log_checkpoints WHERE case_id = $1 AND seq > ${kept}`);
        await query(`DELETE FROM case_log_entries WHERE case_id = $1 AND seq > ${kept}`);
      });
      try {
        expect(await stillExtends(held)).toBe(false);
        expect((await as('auditor.eve', 'POST', '/audit/checkpoints')).status).toBe(409);
      } finally {
        await putBack(caseId, removed);
      }
      expect(await stillExtends(held)).toBe(true);
      expect((await verifyLog(caseId)).body).toMatchObject({ valid: true });
    });
  });
});
