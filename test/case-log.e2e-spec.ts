import { randomUUID } from 'node:crypto';
import { withDb } from './support/db';
import { disclosure } from './support/disclosures';
import { e2eEnv } from './support/env';
import { logWith } from './support/eventually';
import { request } from './support/http';
import { platformHeaders } from './support/staff';
import { ExportedEntry, firstBrokenSeq } from './support/independent-jcs';
import { as, exclusively, verifyLog } from './support/audit';
import { restore, tamper } from './support/tamper';

const { apiUrl, databaseUrl, serviceDatabaseUrl } = e2eEnv();

async function openCaseWithLog(): Promise<{ caseId: string; entries: ExportedEntry[] }> {
  const { body } = await request(apiUrl, 'POST', '/disclosures', {
    body: disclosure(randomUUID()),
    headers: platformHeaders(),
  });
  const caseId = body.caseId as string;
  return { caseId, entries: await logWith(apiUrl, caseId, 'case.opened') };
}

describe('the case log', () => {
  it('starts with case.opened, whose hash recomputes from SPEC §4 alone', async () => {
    const { caseId, entries } = await openCaseWithLog();
    // The auditor's read of the log is itself recorded (SPEC §4: every staff read appends case.viewed).
    expect(entries.map((e) => [e.type, e.actor])).toEqual([
      ['case.opened', 'platform'],
      ['case.viewed', 'auditor.eve'],
    ]);
    expect(entries[0]).toMatchObject({
      caseId,
      seq: 1,
      type: 'case.opened',
      actor: 'platform',
      prevHash: '0'.repeat(64),
    });
    expect(entries[0].at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(firstBrokenSeq(entries)).toBeUndefined();
  });

  it('keeps disclosure text and identifying details out of the log entry', async () => {
    const { entries } = await openCaseWithLog();
    const text = JSON.stringify(entries);
    expect(text).not.toMatch(/plan to end their life|Sam Example|7700 900123/);
  });

  it('detects an entry changed in the database behind the service’s back, at that entry', async () => {
    const { caseId, entries } = await openCaseWithLog();
    await exclusively(async () => {
      const original = await tamper(caseId, (db) =>
        db.query(`UPDATE case_log_entries SET data = data || '{"channel":"chatbot"}' WHERE case_id = $1 AND seq = 1`, [
          caseId,
        ]),
      );
      try {
        expect((await verifyLog(caseId)).body).toMatchObject({
          valid: false,
          firstInvalidSeq: 1,
          reason: 'hash does not match the entry content',
        });
        // and SPEC §4's rule alone, recomputed independently of the service, says the same
        const { body } = await as('auditor.eve', 'GET', `/cases/${caseId}/log`);
        expect(body.entries[0].data.channel).toBe('chatbot');
        expect(firstBrokenSeq(body.entries)).toBe(1);
      } finally {
        await restore(caseId, original);
      }
      expect(original.map((r) => r.hash)).toEqual(entries.map((e) => e.hash));
      expect((await verifyLog(caseId)).body).toMatchObject({ valid: true });
    });
  });

  describe("the services' own database role", () => {
    it.each([
      ['UPDATE', "UPDATE case_log_entries SET actor = 'someone-else' WHERE case_id = $1"],
      ['DELETE', 'DELETE FROM case_log_entries WHERE case_id = $1'],
      ['TRUNCATE', 'TRUNCATE case_log_entries'],
    ])('has no %s privilege on the log', async (_op, sql) => {
      const { caseId } = await openCaseWithLog();
      const args = sql.includes('$1') ? [caseId] : [];
      await withDb(serviceDatabaseUrl, async (db) => {
        await expect(db.query(sql, args)).rejects.toThrow(/permission denied/);
      });
    });

    it('can still read and add to it, and does not own it', async () => {
      await withDb(serviceDatabaseUrl, async (db) => {
        const { rows } =
          await db.query(`SELECT has_table_privilege('case_log_entries', 'INSERT') AS can_insert, pg_get_userbyid(relowner) = current_user AS owns
                                         FROM pg_class WHERE relname = 'case_log_entries'`);
        expect(rows[0]).toEqual({ can_insert: true, owns: false });
      });
    });
  });

  describe('refuses changes in the database itself, even for the table owner', () => {
    it.each([
      ['UPDATE', "UPDATE case_log_entries SET actor = 'someone-else' WHERE case_id = $1"],
      ['DELETE', 'DELETE FROM case_log_entries WHERE case_id = $1'],
    ])('%s is refused and the row is unchanged', async (_op, sql) => {
      const { caseId, entries } = await openCaseWithLog();
      await withDb(databaseUrl, async (db) => {
        await expect(db.query(sql, [caseId])).rejects.toThrow(/append-only/);
        const { rows } = await db.query('SELECT actor, hash FROM case_log_entries WHERE case_id = $1', [caseId]);
        expect(rows).toEqual(entries.map((e) => ({ actor: e.actor, hash: e.hash })));
      });
    });

    it('TRUNCATE is refused', async () => {
      await openCaseWithLog();
      await withDb(databaseUrl, async (db) => {
        await expect(db.query('TRUNCATE case_log_entries CASCADE')).rejects.toThrow(/append-only/);
        const { rows } = await db.query('SELECT count(*)::int AS n FROM case_log_entries');
        expect(rows[0].n).toBeGreaterThan(0);
      });
    });

    it('the refusal survives session_replication_role = replica (triggers are ENABLE ALWAYS)', async () => {
      const { caseId } = await openCaseWithLog();
      await withDb(databaseUrl, async (db) => {
        await db.query('SET session_replication_role = replica');
        await expect(db.query('DELETE FROM case_log_entries WHERE case_id = $1', [caseId])).rejects.toThrow(
          /append-only/,
        );
      });
    });
  });
});
