/**
 * The report's queries over the case log. Each reads one entry type (or a few) in [$1, $2) through the
 * (type, at) index, takes only the JSON fields it needs (`data->>'…'`), finds related entries of the same case
 * through the primary key (case_id, seq), and aggregates in the database, so the answer is small however large the
 * log is. Periods are weeks or months (`date_trunc`, UTC), or the whole range as one period keyed by $1.
 */
export type Grouping = 'week' | 'month' | 'whole';

const INTERVAL_SQL = { week: "'week'", month: "'month'" } as const;
const period = (column: string, by: Grouping) =>
  by === 'whole' ? '$1::timestamptz' : `date_trunc(${INTERVAL_SQL[by]}, ${column}, 'UTC')`;

/** Entries counted as they are, with the one detail each is broken down by. */
export const COUNTED_TYPES = [
  'case.opened',
  'review.escalated',
  'subject.notified',
  'subject.notification_not_possible',
  'subject.notification_failed',
  'notification.deferred',
  'feedback.received',
  'feedback.not_received',
];

export const countsQuery = (by: Grouping) => `
  SELECT ${period('at', by)} AS period, type,
         CASE type WHEN 'case.opened' THEN data->>'channel'
                   WHEN 'review.escalated' THEN data->>'level'
                   WHEN 'notification.deferred' THEN CASE WHEN data ? 'extends' THEN 'extended' ELSE 'new' END
         END AS detail,
         count(*)::int AS n
    FROM case_log_entries
   WHERE type = ANY($3) AND at >= $1 AND at < $2
   GROUP BY 1, 2, 3`;

/** Final decisions (not REQUEST_MORE_INFO), with the case's channel and the policy version of the round decided. */
export const decisionsQuery = (by: Grouping) => `
  WITH d AS (
    SELECT ${period('d.at', by)} AS period, d.data->>'level' AS level, d.data->>'decision' AS kind,
           d.data->'agencies' AS agencies,
           (SELECT o.data->>'channel' FROM case_log_entries o
             WHERE o.case_id = d.case_id AND o.type = 'case.opened' LIMIT 1) AS channel,
           (SELECT p.data->'output'->>'policyVersion' FROM case_log_entries p
             WHERE p.case_id = d.case_id AND p.type = 'policy.evaluated' AND p.data->'round' = d.data->'round'
             LIMIT 1) AS policy_version
      FROM case_log_entries d
     WHERE d.type = 'review.decided' AND d.at >= $1 AND d.at < $2 AND d.data->>'decision' <> 'REQUEST_MORE_INFO')
  SELECT period, 'level' AS dimension, level AS value, count(*)::int AS n FROM d GROUP BY 1, 3
  UNION ALL SELECT period, 'channel', channel, count(*)::int FROM d GROUP BY 1, 3
  UNION ALL SELECT period, 'policyVersion', policy_version, count(*)::int FROM d GROUP BY 1, 3
  UNION ALL SELECT period, 'policyVersionLevel', policy_version || ' ' || level, count(*)::int FROM d GROUP BY 1, 3
  UNION ALL SELECT period, 'kind', kind, count(*)::int FROM d GROUP BY 1, 3
  UNION ALL SELECT period, 'agency', agency, count(*)::int
              FROM d CROSS JOIN LATERAL jsonb_array_elements_text(d.agencies) AS agency GROUP BY 1, 3`;

const timings = (seconds: string) => `count(*)::int AS n,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY ${seconds}) AS p50,
  percentile_cont(0.95) WITHIN GROUP (ORDER BY ${seconds}) AS p95`;

/** Every review round that ended (review.decided, any decision) against the review.requested of its round. */
export const decideTimesQuery = (by: Grouping) => `
  WITH r AS (
    SELECT ${period('d.at', by)} AS period, q.data->>'level' AS level,
           extract(epoch FROM d.at - q.at)::float8 AS seconds,
           d.at <= (q.data->>'deadline')::timestamptz AS in_time
      FROM case_log_entries d
      JOIN LATERAL (SELECT q.at, q.data FROM case_log_entries q
                     WHERE q.case_id = d.case_id AND q.type = 'review.requested' AND q.data->'round' = d.data->'round'
                     ORDER BY q.seq LIMIT 1) q ON true
     WHERE d.type = 'review.decided' AND d.at >= $1 AND d.at < $2)
  SELECT period, level, ${timings('seconds')}, count(*) FILTER (WHERE in_time)::int AS in_time FROM r GROUP BY 1, 2`;

/**
 * The first review.acknowledged after each case review was requested (paging writes them; SPEC §7). Matched by
 * position in the chain, not by the entry's data, so it holds whatever else an acknowledgement records.
 */
export const acknowledgeTimesQuery = (by: Grouping) => `
  WITH a AS (
    SELECT ${period('k.at', by)} AS period, q.data->>'level' AS level,
           extract(epoch FROM k.at - q.at)::float8 AS seconds
      FROM case_log_entries k
      JOIN LATERAL (SELECT q.seq, q.at, q.data FROM case_log_entries q
                     WHERE q.case_id = k.case_id AND q.type = 'review.requested' AND q.seq < k.seq AND q.data ? 'round'
                     ORDER BY q.seq DESC LIMIT 1) q ON true
     WHERE k.type = 'review.acknowledged' AND k.at >= $1 AND k.at < $2
       AND NOT EXISTS (SELECT 1 FROM case_log_entries k2
                        WHERE k2.case_id = k.case_id AND k2.type = 'review.acknowledged'
                          AND k2.seq > q.seq AND k2.seq < k.seq))
  SELECT period, level, ${timings('seconds')} FROM a GROUP BY 1, 2`;

/** Each referral recorded, against the case's final decision. */
export const referralTimesQuery = (by: Grouping) => `
  WITH f AS (
    SELECT ${period('f.at', by)} AS period, f.data->>'level' AS level,
           extract(epoch FROM f.at - d.at)::float8 AS seconds
      FROM case_log_entries f
      JOIN LATERAL (SELECT d.at FROM case_log_entries d
                     WHERE d.case_id = f.case_id AND d.type = 'review.decided' AND d.seq < f.seq
                       AND d.data->>'decision' <> 'REQUEST_MORE_INFO'
                     ORDER BY d.seq DESC LIMIT 1) d ON true
     WHERE f.type = 'referral.recorded' AND f.at >= $1 AND f.at < $2)
  SELECT period, level, ${timings('seconds')} FROM f GROUP BY 1, 2`;
