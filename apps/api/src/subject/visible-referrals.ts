/** The log entries a sharing history is built from, one case's in seq order. */
export interface SharingEntry {
  caseId: string;
  seq: number;
  type: string;
  at: Date;
  data: Record<string, unknown>;
}

/** The entry types the sharing history reads; the rest of the log never reaches it. */
export const SHARING_ENTRY_TYPES = ['referral.recorded', 'notification.deferred', 'notification.released'] as const;

/**
 * One young person's sharing entries (`$1`: their external user id), each with its case's head (the last entry's
 * seq and hash), which the read's own `case.viewed` will follow. The types are literals, not a parameter: the
 * planner uses the partial index case_log_entries_sharing_idx only when it can see the same list.
 */
export const SHARING_HISTORY_SQL = `SELECT e.case_id, e.seq, e.type, e.at, e.data, h.seq AS head_seq, h.hash AS head_hash
   FROM cases c JOIN case_log_entries e ON e.case_id = c.id
  CROSS JOIN LATERAL (SELECT seq, hash FROM case_log_entries l WHERE l.case_id = c.id ORDER BY seq DESC LIMIT 1) h
  WHERE c.subject_external_user_id = $1 AND e.type IN (${SHARING_ENTRY_TYPES.map((type) => `'${type}'`).join(', ')})
  ORDER BY e.at, e.case_id, e.seq`;

/**
 * The referrals a young person may see: every `referral.recorded` of a case, unless a reviewer deferred telling
 * them (telling them could put them at risk, e.g. the person harming them reads their messages) and no release
 * has come since. A deferral hides the case's referrals whenever they were recorded, before it or after.
 */
export function visibleReferrals(entries: readonly SharingEntry[]): SharingEntry[] {
  const held = new Set<string>();
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    if (entry.type === 'notification.deferred') held.add(entry.caseId);
    else if (entry.type === 'notification.released') held.delete(entry.caseId);
  }
  return entries.filter((entry) => entry.type === 'referral.recorded' && !held.has(entry.caseId));
}
