/**
 * The queue's order, most urgent first (SPEC §6): emergency reviews awaiting a decision, soonest deadline first;
 * then open cases before closed ones; escalated first; by level (emergency, non-emergency, not yet assessed, none);
 * then oldest first. SQL over the `cases` table, aliased `c`.
 */
const EMERGENCY_REVIEW = `c.status = 'AWAITING_REVIEW' AND c.level = 'EMERGENCY'`;

export const QUEUE_ORDER = [
  `CASE WHEN ${EMERGENCY_REVIEW} THEN 0 ELSE 1 END`,
  `CASE WHEN ${EMERGENCY_REVIEW} THEN c.review_deadline_at END ASC NULLS LAST`,
  `CASE WHEN c.status = 'CLOSED' THEN 1 ELSE 0 END`,
  `c.escalated DESC`,
  `CASE c.level WHEN 'EMERGENCY' THEN 0 WHEN 'NON_EMERGENCY' THEN 1 WHEN 'NONE' THEN 3 ELSE 2 END`,
  `c.created_at ASC`,
  `c.id ASC`,
].join(', ');
