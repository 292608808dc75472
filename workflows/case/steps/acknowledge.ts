import type { AcknowledgeInput, Acknowledgement } from '../../paging/paging.types';
import { besideSteps } from '../activities';
import type { CaseContext } from '../case-context';
import type { CaseUpdate } from '../case-inputs';

/**
 * SPEC §7 "I have it": repeats at the level being paged stop (the deadline and the escalation beyond it do not), and
 * `review.acknowledged` is logged once per person and level. A review that pages nobody is acknowledged without one.
 */
export async function acknowledge(
  { state }: CaseContext,
  { actor }: CaseUpdate<AcknowledgeInput>,
): Promise<Acknowledgement> {
  const { caseId, round } = state;
  const acknowledgedBy = actor.username;
  const paging = state.paging?.round === round ? state.paging : undefined;
  if (paging && !paging.acknowledgedBy.includes(acknowledgedBy)) paging.acknowledgedBy.push(acknowledgedBy);
  const level = paging?.level;
  await besideSteps.recordSteps({
    caseId,
    steps: [
      {
        stepKey: `review.acknowledged:${round}:${level ?? 'none'}:${acknowledgedBy}`,
        actor: acknowledgedBy,
        type: 'review.acknowledged',
        data: { round, level: level ?? null, acknowledgedBy },
      },
    ],
  });
  return { round, ...(level ? { level } : {}), acknowledgedBy, acknowledgedAt: new Date().toISOString() };
}
