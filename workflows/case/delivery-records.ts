import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import { attempt } from './activities';
import type { CaseCodeVersion } from './case-context';

/**
 * Since `case-workflow-v3` a delivery to a person (a page, a notification to the young person, an electronic
 * referral) is sent and logged by one activity. One that went out but whose entry could not be written fails at once
 * with this type, carrying its result, so the workflow writes the entry with the bookkeeping's unlimited retries:
 * spending a delivery's limited attempts on an outage of the log can never turn something sent into a failure.
 */
export const DELIVERED_NOT_RECORDED = 'DELIVERED_NOT_RECORDED';

/**
 * A delivery whose activity also logs it: its result; the result of one delivered but not logged, once the workflow
 * has logged it with `record`; or undefined once its attempts are spent.
 */
async function deliveredAndRecorded<T>(
  deliver: () => Promise<T>,
  record: (result: T) => Promise<void>,
): Promise<T | undefined> {
  try {
    return await deliver();
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    const { cause } = error;
    if (!(cause instanceof ApplicationFailure) || cause.type !== DELIVERED_NOT_RECORDED) return undefined;
    const result = cause.details?.[0] as T;
    await record(result);
    return result;
  }
}

/**
 * One delivery and its entry, as the case's version does it: since v3 by the activity that delivers (`together`),
 * before by the delivery alone (`apart`) and then `record`. The result, or undefined once the attempts are spent
 * (the caller logs that failure); both versions give the same commands they always gave.
 */
export async function deliverAndLog<T>(
  version: CaseCodeVersion,
  { together, apart }: { together: () => Promise<T>; apart: () => Promise<T> },
  record: (result: T) => Promise<void>,
): Promise<T | undefined> {
  if (version >= 3) return deliveredAndRecorded(together, record);
  const result = await attempt(apart);
  if (result !== undefined) await record(result);
  return result;
}
