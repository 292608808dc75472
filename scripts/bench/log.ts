import { generateKeyPairSync } from 'node:crypto';
import { Pool } from 'pg';
import {
  auditCaseLog,
  checkpointLine,
  computeEntryHash,
  entryLine,
  ExportVerifier,
  GENESIS_HASH,
  publicKeyId,
  publicKeysOf,
  signCheckpoint,
  SignedCheckpoint,
  SignedLogEntry,
  signEntryHash,
} from '@sg/case-log';
import { SHARING_HISTORY_SQL } from '../../apps/api/src/subject/visible-referrals';
import { call } from './http-client';
import { Figures, timed } from './measure';

export interface ChainFigures {
  entries: number;
  /** GET /cases/:id/log/verify's verifier, checkpoints every `checkpointEvery` entries, `tail` entries past the last */
  perSecond: number;
  /** the same chain read as an export by `npm run verify:export`'s verifier (JSON parsing included) */
  exportPerSecond: number;
  /** a chain no checkpoint covers: a signature check per entry, the verifier's worst case */
  uncheckpointedPerSecond: number;
  checkpointEvery: number;
  tail: number;
}

/** The verifier auditors use (ChainAuditor) on one long signed chain, in entries per second. */
export function benchChainVerification(length = 200_000, checkpointEvery = 1_000, tail = 100): ChainFigures {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const signer = { privateKey, keyId: publicKeyId(publicKey) };
  const keys = publicKeysOf([publicKey]);
  const entries: SignedLogEntry[] = [];
  const checkpoints: SignedCheckpoint[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const at = new Date(1_700_000_000_000 + seq).toISOString();
    const unhashed = {
      caseId: 'bench-case',
      seq,
      at,
      actor: 'system',
      type: 'case.viewed',
      data: { what: 'log' },
      prevHash,
    };
    const hash = computeEntryHash(unhashed);
    entries.push({ ...unhashed, hash, signature: signEntryHash(privateKey, hash), keyId: signer.keyId });
    if (seq % checkpointEvery === 0 && seq <= length - tail)
      checkpoints.push(
        signCheckpoint(signer, { caseId: 'bench-case', seq, headHash: hash, headAt: at, checkpointedAt: at }),
      );
    prevHash = hash;
  }
  const rate = (count: number, verify: () => boolean) => {
    const started = performance.now();
    if (!verify()) throw new Error('benchmark chain did not verify');
    return count / ((performance.now() - started) / 1000);
  };
  const lines = [...entries.map(entryLine), ...checkpoints.map(checkpointLine)];
  const sample = entries.slice(0, Math.min(length, 10_000));
  return {
    entries: length,
    perSecond: rate(length, () => auditCaseLog('bench-case', entries, checkpoints, keys).valid),
    exportPerSecond: rate(length, () => {
      const verifier = new ExportVerifier(keys);
      for (const line of lines) verifier.line(line.trimEnd());
      return verifier.finish().cases.every((c) => c.valid); // no trailer here: the chains are what is measured
    }),
    uncheckpointedPerSecond: rate(sample.length, () => auditCaseLog('bench-case', sample, [], keys).valid),
    checkpointEvery,
    tail,
  };
}

export interface SharingHistoryFigures {
  logEntries: number;
  /** by clients in flight: 1 and 8 */
  figures: { clients: number; figures: Figures }[];
  /** EXPLAIN (ANALYZE, BUFFERS) of the service's query for one young person */
  plan: string;
}

/**
 * Fills the log to `target` entries (10,000 young people, one referral each, the rest reads), then measures
 * GET /me/sharing-history for random young people at 1 and 8 clients.
 */
export async function benchSharingHistory(
  apiUrl: string,
  ownerDbUrl: string,
  platform: Record<string, string>,
  target = 1_000_000,
): Promise<SharingHistoryFigures> {
  const pool = new Pool({ connectionString: ownerDbUrl, max: 2 });
  try {
    const logEntries = await fillSharingHistoryLog(pool, target);
    const read = await sharingHistoryReader(apiUrl, platform);
    const figures = [];
    for (const clients of [1, 8]) figures.push({ clients, figures: await timed(1000, clients, read) });
    return { logEntries, figures, plan: await sharingHistoryPlan(pool) };
  } finally {
    await pool.end();
  }
}

const SUBJECTS = 10_000;

/**
 * Adds 10,000 young people, one referral each, and reads until the log holds `target` entries; returns how many it
 * holds. Rows are written by SQL as the owner: their hashes are not real, which the query does not look at.
 */
export async function fillSharingHistoryLog(pool: Pool, target: number): Promise<number> {
  const { rows } = await pool.query('SELECT count(*)::int AS n FROM case_log_entries');
  const perCase = Math.max(2, Math.ceil((target - rows[0].n) / SUBJECTS));
  await pool.query(
    `INSERT INTO cases (id, status, channel, occurred_at, summary, subject_external_user_id, submitted_by, intake_fingerprint, workflow_started_at)
     SELECT md5('bench-history-' || g)::uuid, 'CLOSED', 'boards', now(), 'benchmark', 'bench-history-' || g, 'bench', repeat('0', 64), now()
     FROM generate_series(1, $1) g`,
    [SUBJECTS],
  );
  await pool.query(
    `INSERT INTO case_log_entries (case_id, seq, at, actor, type, data, prev_hash, hash, step_key)
     SELECT md5('bench-history-' || g)::uuid, s, now(), 'bench',
            CASE WHEN s = 2 THEN 'referral.recorded' ELSE 'case.viewed' END,
            CASE WHEN s = 2 THEN '{"agency":"EMERGENCY_SERVICES","method":"PHONE","sharedData":{"name":"Bench","phone":"+44 7700 900000"},"level":"EMERGENCY","reason":"benchmark"}'::jsonb ELSE '{"what":"log"}'::jsonb END,
            repeat('0', 64), repeat('0', 64), 'bench:' || s
     FROM generate_series(1, $1) g, generate_series(1, $2) s`,
    [SUBJECTS, perCase],
  );
  await pool.query('ANALYZE case_log_entries; ANALYZE cases');
  return (await pool.query('SELECT count(*)::int AS n FROM case_log_entries')).rows[0].n as number;
}

/** One read of GET /me/sharing-history by the `i`th of 50 young people (tokens minted once, up front). */
export async function sharingHistoryReader(
  apiUrl: string,
  platform: Record<string, string>,
): Promise<(i: number) => Promise<void>> {
  const tokens = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      call(apiUrl, 'POST', '/subject-tokens', platform, { externalUserId: `bench-history-${1 + i * 199}` }).then(
        (t) => t.accessToken as string,
      ),
    ),
  );
  return async (i: number) => {
    const history = await call(apiUrl, 'GET', '/me/sharing-history', {
      Authorization: `Bearer ${tokens[i % tokens.length]}`,
    });
    if (history.items.length !== 1)
      throw new Error(`expected one referral in the history, got ${history.items.length}`);
  };
}

async function sharingHistoryPlan(pool: Pool): Promise<string> {
  const explained = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${SHARING_HISTORY_SQL}`, [
    'bench-history-4242',
  ]);
  return explained.rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n');
}
