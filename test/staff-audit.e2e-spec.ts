import { createHash, randomUUID } from 'node:crypto';
import { withDb } from './support/db';
import { e2eEnv } from './support/env';
import { request } from './support/http';
import { jcs } from './support/independent-jcs';
import { expectAnswer } from './support/lifecycle-api';
import { staffHeaders } from './support/staff';
import { staffAuditRows, whileTampered } from './support/staff-audit';

/**
 * Issue 10 item 4: the staff audit chain is tamper-evident like a case log. A row changed by the database owner
 * (triggers off, as an insider with the owner's password could) is found at its seq, and so is a rewrite that
 * recomputes every hash, since it cannot recompute the signatures.
 */
const { apiUrl, databaseUrl, serviceDatabaseUrl } = e2eEnv();

async function verify() {
  const answer = await request(apiUrl, 'GET', '/staff/audit/verify', { headers: await staffHeaders('auditor.eve') });
  expectAnswer(answer, 200);
  return answer.body as {
    valid: boolean;
    entries: number;
    headHash: string;
    firstInvalidSeq?: number;
    reason?: string;
  };
}

/** One more account, so the chain has an entry of this test's own to tamper with. */
async function newEntrySeq(): Promise<number> {
  const username = `audited-${randomUUID().slice(0, 8)}`;
  const created = await request(apiUrl, 'POST', '/staff', {
    body: { username, roles: ['officer'], password: 'a-long-test-password-1' },
    headers: await staffHeaders('admin.fay'),
  });
  expectAnswer(created, 201);
  return (await staffAuditRows(username))[0].seq;
}

describe('the staff audit chain is tamper-evident', () => {
  it('verifies as written', async () => {
    await newEntrySeq();
    const verdict = await verify();
    expect(verdict).toMatchObject({ valid: true });
    expect(verdict.entries).toBeGreaterThanOrEqual(1);
  });

  it('a row changed by the database owner is found at its seq', async () => {
    const seq = await newEntrySeq();
    const verdict = await whileTampered(
      seq,
      (db) =>
        db.query(`UPDATE staff_audit_entries SET data = jsonb_set(data, '{roles}', '["admin"]') WHERE seq = $1`, [seq]),
      verify,
    );
    expect(verdict).toMatchObject({ valid: false, firstInvalidSeq: seq, reason: expect.stringMatching(/hash/) });
    expect(await verify()).toMatchObject({ valid: true });
  });

  it('a rewrite that recomputes every hash from there on is found by its signature', async () => {
    const seq = await newEntrySeq();
    const verdict = await whileTampered(
      seq,
      async (db, rows) => {
        let prevHash = rows[0].prev_hash;
        for (const row of rows) {
          const data = row.seq === seq ? { ...row.data, roles: ['admin'] } : row.data;
          const at = new Date(row.at).toISOString();
          const body = { caseId: 'staff-accounts', seq: row.seq, at, actor: row.actor, type: row.type, data, prevHash };
          const hash = createHash('sha256').update(jcs(body)).digest('hex');
          await db.query('UPDATE staff_audit_entries SET data = $2, prev_hash = $3, hash = $4 WHERE seq = $1', [
            row.seq,
            JSON.stringify(data),
            prevHash,
            hash,
          ]);
          prevHash = hash;
        }
      },
      verify,
    );
    expect(verdict).toMatchObject({ valid: false, firstInvalidSeq: seq, reason: expect.stringMatching(/signature/) });
    expect(await verify()).toMatchObject({ valid: true });
  });

  it('the database refuses UPDATE, DELETE and TRUNCATE on it, to the service and to its owner alike', async () => {
    const seq = await newEntrySeq();
    for (const url of [serviceDatabaseUrl, databaseUrl]) {
      for (const sql of [
        `UPDATE staff_audit_entries SET actor = 'someone.else' WHERE seq = ${seq}`,
        `DELETE FROM staff_audit_entries WHERE seq = ${seq}`,
        'TRUNCATE staff_audit_entries',
      ]) {
        const refused = await withDb(url, (db) =>
          db.query(sql).then(
            () => 'done',
            (e: Error) => e.message,
          ),
        );
        expect({ sql, refused }).toEqual({ sql, refused: expect.stringMatching(/append-only|permission denied/) });
      }
    }
    expect((await staffAuditRows()).find((r) => r.seq === seq)?.actor).toBe('admin.fay');
  });
});
