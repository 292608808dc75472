import { createHash, randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { as, exclusively, openAssessedCase, verifyLog } from './support/audit';
import { firstBrokenSeq, jcs } from './support/independent-jcs';
import { restore, Row, tamper, triggerModes } from './support/tamper';

/** SPEC §4 from scratch (test/support/independent-jcs.ts), as a forger without the signing key would do it. */
const rehash = (r: Row, prevHash: string) =>
  createHash('sha256')
    .update(
      jcs({
        caseId: r.case_id,
        seq: r.seq,
        at: r.at.toISOString(),
        actor: r.actor,
        type: r.type,
        data: r.data,
        prevHash,
      }),
      'utf8',
    )
    .digest('hex');

async function rewriteFrom(db: Client, rows: Row[], fromSeq: number): Promise<void> {
  let prevHash = rows[fromSeq - 2].hash;
  for (const row of rows.slice(fromSeq - 1)) {
    const data = row.seq === fromSeq ? { ...row.data, notes: 'rewritten' } : row.data;
    const hash = rehash({ ...row, data }, prevHash);
    await db.query('UPDATE case_log_entries SET data = $1, prev_hash = $2, hash = $3 WHERE case_id = $4 AND seq = $5', [
      data,
      prevHash,
      hash,
      row.case_id,
      row.seq,
    ]);
    prevHash = hash;
  }
}

const del = (db: Client, caseId: string, where: string, seq?: number) =>
  db.query(`DELETE FROM case_log_entries WHERE case_id = $1 ${where}`, seq === undefined ? [caseId] : [caseId, seq]);

describe('GET /cases/:id/log/verify', () => {
  it('is for auditors only: 403 for staff in other roles, 404 for an unknown case, 400 for a malformed id', async () => {
    expect((await as('officer.amy', 'GET', `/cases/${randomUUID()}/log/verify`)).status).toBe(403);
    expect((await as('supervisor.dan', 'GET', `/cases/${randomUUID()}/log/verify`)).status).toBe(403);
    expect((await verifyLog(randomUUID())).status).toBe(404);
    expect((await verifyLog('not-a-case')).status).toBe(400);
  });

  it('never fails a clean log, while it grows and is checkpointed', async () => {
    const caseId = await openAssessedCase();
    // exclusively: a tree-head test may have a case removed from the database meanwhile, refusing checkpoints
    await exclusively(async () => {
      for (let round = 0; round < 3; round++) {
        const { status, body } = await verifyLog(caseId);
        expect(status).toBe(200);
        expect(body).toEqual({
          valid: true,
          entries: expect.any(Number),
          headHash: expect.stringMatching(/^[0-9a-f]{64}$/),
          ...(round ? { checkpointedSeq: expect.any(Number) } : {}),
        });
        expect(body.entries).toBeGreaterThanOrEqual(4);
        const { body: log } = await as('auditor.eve', 'GET', `/cases/${caseId}/log`);
        expect(log.entries.find((e: { seq: number }) => e.seq === body.entries).hash).toBe(body.headHash);
        expect((await as('auditor.eve', 'POST', '/audit/checkpoints')).status).toBe(200);
        await new Promise((r) => setTimeout(r, 1500)); // review escalations keep appending meanwhile
      }
    });
  });

  // [what, change as the database owner, first bad seq given the rows before, whether SPEC §4's hash chain alone shows
  // it]
  it.each<[string, (db: Client, rows: Row[]) => Promise<unknown>, (rows: Row[]) => number, boolean]>([
    [
      'an entry whose data was changed',
      (db, rows) =>
        db.query(`UPDATE case_log_entries SET data = data || '{"notes":"changed"}' WHERE case_id = $1 AND seq = 2`, [
          rows[0].case_id,
        ]),
      () => 2,
      true,
    ],
    ['a middle entry deleted', (db, rows) => del(db, rows[0].case_id, 'AND seq = $2', 3), () => 3, true],
    [
      'the last entry deleted',
      (db, rows) => del(db, rows[0].case_id, 'AND seq = $2', rows.length),
      (rows) => rows.length,
      false,
    ],
    ['every entry deleted (the case’s log truncated)', (db, rows) => del(db, rows[0].case_id, ''), () => 1, false],
    [
      'the chain rewritten from seq 2 with consistently recomputed hashes',
      (db, rows) => rewriteFrom(db, rows, 2),
      () => 2,
      false,
    ],
  ])('names the first bad entry after %s', async (_what, change, firstBad, chainAloneShowsIt) => {
    const caseId = await openAssessedCase();
    await exclusively(async () => {
      const original = await tamper(caseId, change, { checkpointFirst: true });
      try {
        expect(original.length).toBeGreaterThanOrEqual(4);
        const { status, body } = await verifyLog(caseId);
        expect(status).toBe(200);
        expect(body).toMatchObject({ valid: false, firstInvalidSeq: firstBad(original), reason: expect.any(String) });
        // What the hash chain alone would have said, recomputed independently of the service:
        const { body: log } = await as('auditor.eve', 'GET', `/cases/${caseId}/log`);
        expect(firstBrokenSeq(log.entries)).toBe(chainAloneShowsIt ? firstBad(original) : undefined);
      } finally {
        await restore(caseId, original);
      }
      expect(await triggerModes()).toEqual({
        case_log_entries_no_update_delete: 'A',
        case_log_entries_no_truncate: 'A',
      });
      expect((await verifyLog(caseId)).body).toMatchObject({ valid: true });
    });
  });
});
