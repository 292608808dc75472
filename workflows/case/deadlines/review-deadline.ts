import { condition } from '@temporalio/workflow';
import { bookkeeping, staffNotices } from '../activities';
import type { CaseContext } from '../case-context';
import { continueIfLong } from '../continuation';

/**
 * SPEC §3.3: a missed review deadline escalates, and escalates again at the same interval, until someone decides or
 * asks for more information. Returns when the round is settled.
 */
export async function awaitReviewDecision(context: CaseContext): Promise<void> {
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
    await staffNotices.notifyStaff({
      caseId,
      role: 'supervisor',
      key,
      message: `A ${level} review is overdue (escalation ${escalation})`,
    });
    await continueIfLong(context);
  }
}
