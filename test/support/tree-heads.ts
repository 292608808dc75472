import { createHash, createPublicKey, verify } from 'node:crypto';
import { withDb } from './db';
import { e2eEnv } from './env';
import { jcs } from './independent-jcs';

/** The auditor's side of the tree heads, written from RFC 9162 and docs/audit.md, not from the service's code. */

export interface TreeHead {
  treeSize: number;
  rootHash: string;
  timestamp: string;
  keyId: string;
  signature: string;
}

export function treeHeadSignedByKey(head: TreeHead, publicKeyPem: string): boolean {
  const { treeSize, rootHash, timestamp } = head;
  const message = Buffer.from(jcs({ treeSize, rootHash, timestamp, purpose: 'sg.case-log.tree-head.v1' }));
  return verify(null, message, createPublicKey(publicKeyPem), Buffer.from(head.signature, 'base64'));
}

const node = (left: Buffer, right: Buffer) =>
  createHash('sha256')
    .update(Buffer.concat([Buffer.from([1]), left, right]))
    .digest();

/** RFC 9162 §2.1.4.2, step by step. */
export function consistent(first: number, second: number, firstRoot: string, secondRoot: string, proof: string[]) {
  if (first === second) return proof.length === 0 && firstRoot === secondRoot;
  const isPowerOfTwo = (first & (first - 1)) === 0;
  const path = (isPowerOfTwo ? [firstRoot, ...proof] : proof).map((h) => Buffer.from(h, 'hex'));
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn >>= 1;
    sn >>= 1;
  }
  let [fr, sr] = [path[0], path[0]];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = node(c, fr);
      sr = node(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else sr = node(sr, c);
    fn >>= 1;
    sn >>= 1;
  }
  return fr.toString('hex') === firstRoot && sr.toString('hex') === secondRoot && sn === 0;
}

const { databaseUrl } = e2eEnv();
const TABLES = ['cases', 'case_log_entries', 'case_log_checkpoints', 'case_tasks', 'outbox_messages'] as const;
const GUARDS = ['case_log_entries_no_update_delete', 'case_log_checkpoints_no_update_delete'];
export type Rows = Record<(typeof TABLES)[number], unknown[]>;

/**
 * Runs `change` as the database owner could: foreign keys off (replica mode) and the log's append-only triggers
 * disabled for this one transaction, with the case row locked so the workflow's appends wait. Returns every row of
 * the case as it was, for `putBack`.
 */
export function asDatabaseOwner(caseId: string, change: (query: (sql: string) => Promise<unknown>) => Promise<void>) {
  return withDb(databaseUrl, async (db) => {
    await db.query('BEGIN');
    try {
      await db.query('SELECT id FROM cases WHERE id = $1 FOR UPDATE', [caseId]);
      const before = {} as Rows;
      for (const table of TABLES)
        before[table] = (
          await db.query(`SELECT * FROM ${table} WHERE ${table === 'cases' ? 'id' : 'case_id'} = $1`, [caseId])
        ).rows;
      await db.query('SET LOCAL session_replication_role = replica');
      for (const guard of GUARDS)
        await db.query(`ALTER TABLE ${guard.replace(/_no_update_delete$/, '')} DISABLE TRIGGER ${guard}`);
      await change((sql) => db.query(sql, [caseId]));
      for (const guard of GUARDS)
        await db.query(`ALTER TABLE ${guard.replace(/_no_update_delete$/, '')} ENABLE ALWAYS TRIGGER ${guard}`);
      await db.query('COMMIT');
      return before;
    } catch (error) {
      await db.query('ROLLBACK');
      throw error;
    }
  });
}

/** Puts every row of the case back as it was (dropping whatever was written in between). */
export async function putBack(caseId: string, rows: Rows): Promise<void> {
  await asDatabaseOwner(caseId, async (query) => {
    for (const table of [...TABLES].reverse())
      await query(`DELETE FROM ${table} WHERE ${table === 'cases' ? 'id' : 'case_id'} = $1`);
  });
  await withDb(databaseUrl, async (db) => {
    await db.query('BEGIN');
    for (const table of TABLES)
      await db.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1)`, [
        JSON.stringify(rows[table]),
      ]);
    await db.query('COMMIT');
  });
}
