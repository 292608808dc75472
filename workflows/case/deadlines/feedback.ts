import { condition } from '@temporalio/workflow';
import { bookkeeping } from '../activities';
import type { StepRecord } from '../case.activities';
import type { CaseContext } from '../case-context';
import type { Agency } from '../case.types';

/** Busy while feedback requests are written: see recordFeedback. */
export const FEEDBACK_REQUESTS = 'feedback-requests';

/**
 * SPEC §3.7: after a delay each agency still silent is asked for feedback, and after a further wait "no feedback" is
 * recorded for those still silent. Each round is one write for every agency.
 */
export async function collectFeedback({ state, lifecycle, timings }: CaseContext): Promise<void> {
  const { caseId } = state;
  const waiting = () =>
    state.referred.filter((a) => state.feedback[a] === 'AWAITING' || state.feedback[a] === 'REQUESTED');
  if (await condition(() => waiting().length === 0, timings.feedbackRequestDelayMs)) return;
  const asked = waiting();
  for (const agency of asked) state.feedback[agency] = 'REQUESTED';
  // Feedback arriving meanwhile waits for this write, so it completes the task this opens.
  lifecycle.begin(FEEDBACK_REQUESTS);
  try {
    await bookkeeping.recordSteps({ caseId, steps: asked.map(feedbackRequested) });
  } finally {
    lifecycle.end(FEEDBACK_REQUESTS);
  }

  if (await condition(() => waiting().length === 0, timings.feedbackWaitMs)) return;
  // Feedback being recorded right now wins over the wait; once marked, later feedback is refused.
  await condition(() => waiting().every((agency) => !lifecycle.isBusy(`feedback:${agency}`)));
  const silent = waiting();
  if (silent.length === 0) return;
  for (const agency of silent) state.feedback[agency] = 'NOT_RECEIVED';
  await bookkeeping.recordSteps({ caseId, steps: silent.map(feedbackNotReceived) });
}

function feedbackRequested(agency: Agency): StepRecord {
  return {
    stepKey: `feedback.requested:${agency}`,
    actor: 'system',
    type: 'feedback.requested',
    data: { agency },
    openTasks: [
      {
        key: `feedback:${agency}`,
        kind: 'FEEDBACK',
        role: 'officer',
        description: `Ask ${agency} what happened after the referral and record it`,
      },
    ],
  };
}

function feedbackNotReceived(agency: Agency): StepRecord {
  return {
    stepKey: `feedback.not_received:${agency}`,
    actor: 'system',
    type: 'feedback.not_received',
    data: { agency },
    completeTasks: [`feedback:${agency}`],
  };
}
