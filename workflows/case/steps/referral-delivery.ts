import { attempt, bookkeeping } from '../activities';
import type { StepRecord } from '../case.activities';
import type { CaseContext } from '../case-context';
import type { ReferralInput } from '../case-inputs';
import type { Level } from '../case.types';

/** An electronic referral (limited attempts), then its outcome recorded (without limit): sent, or an officer task. */
export async function deliverReferral(
  { state, deliveries }: CaseContext,
  { agency, method, sharedData, agencyReference }: ReferralInput,
  level: Level,
): Promise<void> {
  const { caseId } = state;
  const route = await attempt(() =>
    deliveries.deliverReferral({
      type: 'agency.referral',
      caseId,
      agency,
      method,
      level,
      sharedData,
      agencyReference: agencyReference ?? null,
      sentAt: new Date().toISOString(),
    }),
  );
  const step: StepRecord =
    route !== undefined
      ? { stepKey: `referral.sent:${agency}`, actor: 'system', type: 'referral.sent', data: { agency, route } }
      : {
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
        };
  await bookkeeping.recordSteps({ caseId, steps: [step] });
}
