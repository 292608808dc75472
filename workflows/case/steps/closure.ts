import { SIGNPOSTING } from '../../../libs/policy/src/signposting';
import { bookkeeping } from '../activities';
import type { CaseContext } from '../case-context';

/** SPEC §3.8: the case closes with its outcome; a decision not to refer records the signposting given. */
export async function close({ state }: CaseContext, outcome: 'REFERRED' | 'NO_REFERRAL'): Promise<void> {
  const decision = state.decision!;
  await bookkeeping.recordSteps({
    caseId: state.caseId,
    steps: [
      {
        stepKey: 'case.closed',
        actor: 'system',
        type: 'case.closed',
        data: {
          outcome,
          level: decision.level,
          agencies: decision.agencies,
          feedback: state.feedback,
          ...(outcome === 'NO_REFERRAL' ? { signposting: SIGNPOSTING } : {}),
        },
        readModel: { status: 'CLOSED', escalated: false },
      },
    ],
  });
  state.status = 'CLOSED';
}
