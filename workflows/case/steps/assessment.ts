import { bookkeeping } from '../activities';
import type { CaseContext } from '../case-context';
import type { AssessmentInput, CaseUpdate } from '../case-inputs';
import type { PolicyOutput } from '../case.types';

/** SPEC §3.2: the policy's recommendation for this assessment, and a review requested by its deadline. */
export async function assess(
  { state, timings }: CaseContext,
  update: CaseUpdate<AssessmentInput>,
): Promise<PolicyOutput> {
  const { caseId, round } = state;
  const recorded = await bookkeeping.recordAssessment({
    caseId,
    round,
    actor: update.actor.username,
    assessment: update.input,
    reviewDeadlineMs: timings.reviewDeadlineMs,
    submittedAt: new Date().toISOString(),
  });
  Object.assign(state, {
    assessedBy: update.actor.username,
    recommendation: recorded.recommendation,
    emergencyActions: recorded.emergencyActions,
    reviewDeadline: recorded.reviewDeadline,
    escalations: 0,
    status: 'AWAITING_REVIEW',
  });
  return recorded.recommendation;
}
