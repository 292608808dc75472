import { bookkeeping } from '../activities';
import type { StepRecord } from '../case.activities';
import type { CaseContext } from '../case-context';
import type { ReferralInput } from '../case-inputs';
import type { Level } from '../case.types';
import { deliverAndLog } from '../delivery-records';
import { referralSentStep } from './delivery-steps';

/** An electronic referral (limited attempts), then its outcome recorded (without limit): sent, or an officer task. */
export async function deliverReferral(
  { state, deliveries, version }: CaseContext,
  { agency, method, sharedData, agencyReference }: ReferralInput,
  level: Level,
): Promise<void> {
  const { caseId } = state;
  const referral = {
    type: 'agency.referral' as const,
    caseId,
    agency,
    method,
    level,
    sharedData,
    agencyReference: agencyReference ?? null,
    sentAt: new Date().toISOString(),
  };
  const record = async (step: StepRecord) => {
    await bookkeeping.recordSteps({ caseId, steps: [step] });
  };
  const route = await deliverAndLog(
    version,
    {
      together: () => deliveries.deliverReferralAndRecord(referral),
      apart: () => deliveries.deliverReferral(referral),
    },
    (sent) => record(referralSentStep(referral, sent)),
  );
  if (route === undefined)
    await record({
      stepKey: `referral.delivery_failed:${agency}`,
      actor: 'system',
      type: 'referral.delivery_failed',
      data: { agency },
      openTasks: [
        {
          key: `referral-failed:${agency}`,
          kind: 'REFERRAL_DELIVERY_FAILED',
          role: 'officer',
          description: `The electronic referral to ${agency} failed: send it another way`,
        },
      ],
    });
}
