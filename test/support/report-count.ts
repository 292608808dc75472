import { withDb } from './db';

/**
 * An independent count of SPEC §8's report from the raw case log (as the database owner), written without the
 * service's queries: every entry of every case that wrote anything in [from, to), walked in chain order.
 * Percentiles are continuous (linear interpolation between ranks), as the report documents.
 */
interface Entry {
  caseId: string;
  seq: number;
  at: Date;
  type: string;
  data: any;
}

export async function logEntriesAround(databaseUrl: string, from: Date, to: Date): Promise<Entry[]> {
  return withDb(databaseUrl, async (db) => {
    const { rows } = await db.query(
      `SELECT case_id, seq, at, type, data FROM case_log_entries
        WHERE case_id IN (SELECT case_id FROM case_log_entries WHERE at >= $1 AND at < $2)
        ORDER BY case_id, seq`,
      [from, to],
    );
    return rows.map((r) => ({ caseId: r.case_id, seq: r.seq, at: r.at, type: r.type, data: r.data }));
  });
}

export function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);
const seconds = (later: Date, earlier: Date) => (later.getTime() - earlier.getTime()) / 1000;

/** The figures the report gives for [from, to) as one period (its `total`). */
export function countFromLog(all: Entry[], from: Date, to: Date) {
  const inRange = (e: Entry) => e.at >= from && e.at < to;
  const byCase = new Map<string, Entry[]>();
  for (const e of all) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
  const counted = {
    disclosures: 0,
    disclosuresByChannel: {} as Record<string, number>,
    decisionsByLevel: {} as Record<string, number>,
    decisionsByChannel: {} as Record<string, number>,
    decisionsByPolicyVersionAndLevel: {} as Record<string, number>,
    decisionsByAgency: {} as Record<string, number>,
    escalationsByLevel: {} as Record<string, number>,
    decideSeconds: {} as Record<string, number[]>,
    emergencyDecided: 0,
    emergencyInTime: 0,
    referralSeconds: {} as Record<string, number[]>,
    told: 0,
    notPossible: 0,
    failed: 0,
    deferred: 0,
    feedbackReceived: 0,
    feedbackNotReceived: 0,
  };
  for (const entries of byCase.values()) {
    const opened = entries.find((e) => e.type === 'case.opened');
    let lastDecision: Entry | undefined;
    for (const e of entries) {
      if (e.type === 'review.decided' && e.data.decision !== 'REQUEST_MORE_INFO') lastDecision = e;
      if (!inRange(e)) continue;
      if (e.type === 'case.opened') {
        counted.disclosures++;
        bump(counted.disclosuresByChannel, e.data.channel);
      }
      if (e.type === 'review.escalated') bump(counted.escalationsByLevel, e.data.level);
      if (e.type === 'subject.notified') counted.told++;
      if (e.type === 'subject.notification_not_possible') counted.notPossible++;
      if (e.type === 'subject.notification_failed') counted.failed++;
      if (e.type === 'notification.deferred' && e.data.extends === undefined) counted.deferred++;
      if (e.type === 'feedback.received') counted.feedbackReceived++;
      if (e.type === 'feedback.not_received') counted.feedbackNotReceived++;
      if (e.type === 'review.decided') {
        const requested = entries.find((r) => r.type === 'review.requested' && r.data.round === e.data.round)!;
        (counted.decideSeconds[requested.data.level] ??= []).push(seconds(e.at, requested.at));
        if (requested.data.level === 'EMERGENCY') {
          counted.emergencyDecided++;
          if (e.at.getTime() <= Date.parse(requested.data.deadline)) counted.emergencyInTime++;
        }
        if (e.data.decision === 'REQUEST_MORE_INFO') continue;
        const evaluated = entries.find((p) => p.type === 'policy.evaluated' && p.data.round === e.data.round)!;
        bump(counted.decisionsByLevel, e.data.level);
        bump(counted.decisionsByChannel, opened!.data.channel);
        bump(counted.decisionsByPolicyVersionAndLevel, `${evaluated.data.output.policyVersion} ${e.data.level}`);
        for (const agency of e.data.agencies) bump(counted.decisionsByAgency, agency);
      }
      if (e.type === 'referral.recorded')
        (counted.referralSeconds[e.data.level] ??= []).push(seconds(e.at, lastDecision!.at));
    }
  }
  return counted;
}
