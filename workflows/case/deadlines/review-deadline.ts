import { condition } from '@temporalio/workflow';
import { bookkeeping, staffNotices } from '../activities';
import type { CaseContext } from '../case-context';
import { REVIEW_ROLES } from '../case-vocabulary';
import { continueIfLong } from '../continuation';
import { pagingOn } from '../patches';
import { pageUntilDecided } from './on-call-paging';

/**
 * SPEC §3.3: a missed review deadline escalates, and escalates again at the same interval, until someone decides or
 * asks for more information. SPEC §7: beside it, an EMERGENCY review pages on-call staff; any other review is brought
 * to its reviewers. Returns when the round is settled and its paging has stopped.
 */
export async function awaitReviewDecision(context: CaseContext): Promise<void> {
  const paging = pagingOn(context);
  const { level } = context.state.recommendation!;
  const beside = !paging
    ? Promise.resolve()
    : level === 'EMERGENCY'
      ? pageUntilDecided(context)
      : announceReview(context);
  // Not in a `finally`: when the escalation loop continues as new, the paging loop ends with this run (the next
  // run pages on from the position the state carries), and waiting for it would wait for ever.
  await escalateUntilDecided(context, paging);
  await beside;
}

async function escalateUntilDecided(context: CaseContext, paging: boolean): Promise<void> {
  const { state, lifecycle, timings } = context;
  const { caseId, round } = state;
  const level = state.recommendation!.level;
  const moved = () => state.round !== round || state.decision !== undefined;
  // A run continued as new (or resumed) goes on counting from the escalations its state carries.
  for (let escalation = state.escalations + 1; ; escalation++) {
    const settled = await condition(() => moved() || lifecycle.isBusy('review'), timings.reviewDeadlineMs[level]);
    if (settled) {
      await condition(() => !lifecycle.isBusy('review'));
      if (moved()) return;
      escalation--; // a review was refused mid-write; the same deadline continues
      continue;
    }
    state.escalations = escalation;
    const key = `review.escalated:${round}:${escalation}`;
    await bookkeeping.recordSteps({
      caseId,
      steps: [
        {
          stepKey: key,
          actor: 'system',
          type: 'review.escalated',
          data: { round, escalation, level, deadline: state.reviewDeadline },
          readModel: { escalated: true },
        },
      ],
    });
    // An emergency's supervisors and lead are paged by the paging loop instead.
    if (!paging || level !== 'EMERGENCY')
      await staffNotices.notifyStaff({
        caseId,
        role: 'supervisor',
        key,
        message: `A ${level} review is overdue (escalation ${escalation})`,
      });
    await continueIfLong(context);
  }
}

/** A review that pages nobody is still brought to the people who may take it. */
async function announceReview({ state }: CaseContext): Promise<void> {
  const { caseId, round } = state;
  const level = state.recommendation!.level;
  await staffNotices.notifyStaff({
    caseId,
    role: REVIEW_ROLES[level][0],
    key: `review.requested:${round}`,
    message: level === 'NONE' ? 'A decision not to refer is waiting for review' : 'A non-emergency review is waiting',
  });
}
