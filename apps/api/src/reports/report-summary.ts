/** One period's figures (or the whole range's): what GET /reports/summary answers, per period and in total. */
export type Counts = Record<string, number>;

export interface Timing {
  count: number;
  p50Seconds: number | null;
  p95Seconds: number | null;
}

export interface ReportSummary {
  disclosures: { total: number; byChannel: Counts };
  decisions: {
    total: number;
    byLevel: Counts;
    byChannel: Counts;
    byPolicyVersion: Counts;
    /** "unified EMERGENCY": the level of decisions under each policy version (a policy change in one chart) */
    byPolicyVersionAndLevel: Counts;
    byAgency: Counts;
    /** APPROVE or OVERRIDE */
    byKind: Counts;
  };
  reviews: {
    /** by the level under review; present once paging records acknowledgements */
    timeToAcknowledge: Record<string, Timing>;
    timeToDecide: Record<string, Timing>;
    emergencyDecidedWithinDeadline: { decided: number; withinDeadline: number; share: number | null };
  };
  escalations: { total: number; byLevel: Counts };
  /** by the level of the decision */
  decisionToReferral: Record<string, Timing>;
  notifications: { told: number; notPossible: number; deferred: number; deferralsExtended: number; failed: number };
  feedback: { received: number; notReceived: number };
}

export interface CountRow {
  type: string;
  detail: string | null;
  n: number;
}
export interface DimensionRow {
  dimension: string;
  value: string | null;
  n: number;
}
export interface TimingRow {
  level: string | null;
  n: number;
  p50: number | null;
  p95: number | null;
  in_time?: number;
}

export function emptySummary(): ReportSummary {
  return {
    disclosures: { total: 0, byChannel: {} },
    decisions: {
      total: 0,
      byLevel: {},
      byChannel: {},
      byPolicyVersion: {},
      byPolicyVersionAndLevel: {},
      byAgency: {},
      byKind: {},
    },
    reviews: {
      timeToAcknowledge: {},
      timeToDecide: {},
      emergencyDecidedWithinDeadline: { decided: 0, withinDeadline: 0, share: null },
    },
    escalations: { total: 0, byLevel: {} },
    decisionToReferral: {},
    notifications: { told: 0, notPossible: 0, deferred: 0, deferralsExtended: 0, failed: 0 },
    feedback: { received: 0, notReceived: 0 },
  };
}

function add(counts: Counts, key: string | null, n: number): void {
  const name = key ?? 'UNKNOWN';
  counts[name] = (counts[name] ?? 0) + n;
}

const seconds = (value: number | null) => (value === null ? null : Math.round(Number(value) * 1000) / 1000);

function timing({ n, p50, p95 }: TimingRow): Timing {
  return { count: n, p50Seconds: seconds(p50), p95Seconds: seconds(p95) };
}

export function addCount(summary: ReportSummary, { type, detail, n }: CountRow): void {
  const { disclosures, escalations, notifications, feedback } = summary;
  if (type === 'case.opened') {
    disclosures.total += n;
    add(disclosures.byChannel, detail, n);
  } else if (type === 'review.escalated') {
    escalations.total += n;
    add(escalations.byLevel, detail, n);
  } else if (type === 'subject.notified') notifications.told += n;
  else if (type === 'subject.notification_not_possible') notifications.notPossible += n;
  else if (type === 'subject.notification_failed') notifications.failed += n;
  else if (type === 'notification.deferred' && detail === 'extended') notifications.deferralsExtended += n;
  else if (type === 'notification.deferred') notifications.deferred += n;
  else if (type === 'feedback.received') feedback.received += n;
  else if (type === 'feedback.not_received') feedback.notReceived += n;
}

const DIMENSIONS: Record<string, keyof Omit<ReportSummary['decisions'], 'total'>> = {
  level: 'byLevel',
  channel: 'byChannel',
  policyVersion: 'byPolicyVersion',
  policyVersionLevel: 'byPolicyVersionAndLevel',
  agency: 'byAgency',
  kind: 'byKind',
};

export function addDecisions(summary: ReportSummary, { dimension, value, n }: DimensionRow): void {
  if (dimension === 'level') summary.decisions.total += n;
  add(summary.decisions[DIMENSIONS[dimension]], value, n);
}

export function addDecideTime(summary: ReportSummary, row: TimingRow): void {
  summary.reviews.timeToDecide[row.level ?? 'UNKNOWN'] = timing(row);
  if (row.level !== 'EMERGENCY') return;
  const withinDeadline = row.in_time ?? 0;
  summary.reviews.emergencyDecidedWithinDeadline = {
    decided: row.n,
    withinDeadline,
    share: row.n ? Math.round((withinDeadline / row.n) * 10_000) / 10_000 : null,
  };
}

export function addAcknowledgeTime(summary: ReportSummary, row: TimingRow): void {
  summary.reviews.timeToAcknowledge[row.level ?? 'UNKNOWN'] = timing(row);
}

export function addReferralTime(summary: ReportSummary, row: TimingRow): void {
  summary.decisionToReferral[row.level ?? 'UNKNOWN'] = timing(row);
}
