import { Pool } from 'pg';
import { computeEntryHash, GENESIS_HASH, LogEntry, verifyChain } from '@sg/case-log';
import { call } from './http-client';
import { Figures, timed } from './measure';

/** SPEC §4 verification of one long chain, in entries per second. */
export function benchChainVerification(length = 200_000): { entries: number; perSecond: number } {
  const entries: LogEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const unhashed = {
      caseId: 'bench-case',
      seq,
      at: new Date(1_700_000_000_000 + seq).toISOString(),
      actor: 'system',
      type: 'case.viewed',
      data: { what: 'log', n: seq },
      prevHash,
    };
    const entry = { ...unhashed, hash: computeEntryHash(unhashed) };
    entries.push(entry);
    prevHash = entry.hash;
  }
  const started = performance.now();
  const result = verifyChain(entries);
  const elapsedS = (performance.now() - started) / 1000;
  if (!result.valid) throw new Error('benchmark chain did not verify');
  return { entries: length, perSecond: length / elapsedS };
}

/**
 * Fills the log to `target` entries (10,000 young people, one referral each, the rest reads), then measures
 * GET /me/sharing-history for random young people. Rows are written by SQL as the owner: their hashes are not
 * real, which the query does not look at.
 */
export async function benchSharingHistory(
  apiUrl: string,
  ownerDbUrl: string,
  platform: Record<string, string>,
  target = 1_000_000,
): Promise<{ logEntries: number; figures: Figures }> {
  const pool = new Pool({ connectionString: ownerDbUrl, max: 2 });
  const subjects = 10_000;
  try {
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM case_log_entries');
    const perCase = Math.max(2, Math.ceil((target - rows[0].n) / subjects));
    await pool.query(
      `INSERT INTO cases (id, status, channel, occurred_at, summary, subject_external_user_id, submitted_by, intake_fingerprint, workflow_started_at)
       SELECT md5('bench-history-' || g)::uuid, 'CLOSED', 'boards', now(), 'benchmark', 'bench-history-' || g, 'bench', repeat('0', 64), now()
       FROM generate_series(1, $1) g`,
      [subjects],
    );
    await pool.query(
      `INSERT INTO case_log_entries (case_id, seq, at, actor, type, data, prev_hash, hash, step_key)
       SELECT md5('bench-history-' || g)::uuid, s, now(), 'bench',
              CASE WHEN s = 2 THEN 'referral.recorded' ELSE 'case.viewed' END,
              CASE WHEN s = 2 THEN '{"agency":"EMERGENCY_SERVICES","method":"PHONE","sharedData":{"name":"Bench","phone":"+44 7700 900000"},"level":"EMERGENCY","reason":"benchmark"}'::jsonb ELSE '{"what":"log"}'::jsonb END,
              repeat('0', 64), repeat('0', 64), 'bench:' || s
       FROM generate_series(1, $1) g, generate_series(1, $2) s`,
      [subjects, perCase],
    );
    await pool.query('ANALYZE case_log_entries; ANALYZE cases');
    const total = (await pool.query('SELECT count(*)::int AS n FROM case_log_entries')).rows[0].n as number;
    const tokens = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call(apiUrl, 'POST', '/subject-tokens', platform, { externalUserId: `bench-history-${1 + i * 199}` }).then(
          (t) => t.accessToken as string,
        ),
      ),
    );
    const figures = await timed(1000, 8, async (i) => {
      const history = await call(apiUrl, 'GET', '/me/sharing-history', {
        Authorization: `Bearer ${tokens[i % tokens.length]}`,
      });
      if (history.items.length !== 1)
        throw new Error(`expected one referral in the history, got ${history.items.length}`);
    });
    return { logEntries: total, figures };
  } finally {
    await pool.end();
  }
}
