import { bookkeeping } from '../activities';
import type { StepRecord } from '../case.activities';
import type { CaseContext } from '../case-context';
import type { CaseUpdate, ReviewInput } from '../case-inputs';

/** SPEC §3.3: a decision (and any deferral of telling the young person), or the case back to assessment. */
export async function review({ state, lifecycle }: CaseContext, { actor, input }: CaseUpdate<ReviewInput>) {
  const { caseId, round } = state;
  const stepKey = `review.decided:${round}`;
  if (input.decision === 'REQUEST_MORE_INFO') {
    const step: StepRecord = {
      stepKey,
      actor: actor.username,
      type: 'review.decided',
      data: { round, decision: 'REQUEST_MORE_INFO', reason: input.reason },
      readModel: { status: 'AWAITING_ASSESSMENT', reviewDeadlineAt: null, escalated: false },
    };
    await bookkeeping.recordSteps({ caseId, steps: [step] });
    Object.assign(state, {
      status: 'AWAITING_ASSESSMENT',
      round: round + 1,
      recommendation: undefined,
      reviewDeadline: undefined,
    });
    return;
  }
  const decision = lifecycle.decisionFrom(actor, input);
  const steps: StepRecord[] = [
    {
      stepKey,
      actor: actor.username,
      type: 'review.decided',
      data: {
        round,
        decision: decision.kind,
        level: decision.level,
        agencies: decision.agencies,
        actions: decision.actions,
        reason: decision.reason ?? null,
        recommendedLevel: state.recommendation!.level,
      },
      readModel: {
        level: decision.level,
        escalated: false,
        reviewDeadlineAt: null,
        ...(decision.level === 'NONE' ? {} : { status: 'AWAITING_REFERRAL' as const }),
      },
    },
  ];
  const deferral = input.deferNotification;
  if (deferral) {
    steps.push({
      stepKey: `notification.deferred:${deferral.reviewAt}`,
      actor: actor.username,
      type: 'notification.deferred',
      data: { reason: deferral.reason, reviewAt: deferral.reviewAt },
    });
  }
  await bookkeeping.recordSteps({ caseId, steps });
  if (deferral) state.deferral = { reason: deferral.reason, reviewAt: deferral.reviewAt, awaitingSupervisor: false };
  state.decision = decision;
  if (decision.level !== 'NONE') state.status = 'AWAITING_REFERRAL';
}
