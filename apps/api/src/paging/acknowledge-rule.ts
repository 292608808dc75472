import type { Actor } from '@sg/workflows/case/case.types';
import { DomainError } from '../common/domain-error';

/** What the read model says about the review a case is waiting for. */
export interface WaitingReview {
  status: string;
  assessedBy: string | null;
  /** from the round's review.requested entry */
  requiredRoles: string[];
}

/**
 * Who may say "I have it" (SPEC §7): someone who may take the waiting step, i.e. hold one of the review's required
 * roles and not be the assessor (four eyes). Nobody, when no review is waiting.
 */
export function checkAcknowledge(review: WaitingReview | undefined, actor: Actor): void {
  if (!review || review.status !== 'AWAITING_REVIEW')
    throw new DomainError(
      'CASE.NOT_CURRENT_STEP',
      'No review is waiting on this case: there is nothing to acknowledge',
    );
  if (!review.requiredRoles.some((role) => (actor.roles as string[]).includes(role)))
    throw new DomainError('CASE.FORBIDDEN', `This review is for ${review.requiredRoles.join(' or ')}`);
  if (review.assessedBy === actor.username)
    throw new DomainError('CASE.FORBIDDEN', 'Four eyes: the assessor cannot take the review of their own assessment');
}
