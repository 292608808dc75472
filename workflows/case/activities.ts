import { ActivityFailure, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { PagingActivities } from '../paging/paging.types';
import type { CaseActivities } from './case.activities';
import type { CaseTimings } from './case.types';

// Bookkeeping retries without limit: a case must never stall because a database blinked.
const WITHOUT_LIMIT = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' } as const;

/**
 * The log, the read model and tasks, written as local activities: each is a marker in the history, run within the
 * workflow task that asked for it, rather than three events and another workflow task. Safe because each write is
 * keyed by (case, step) and a repeat changes nothing; a local activity may run again after a crash.
 */
export const bookkeeping = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: WITHOUT_LIMIT,
});

/** Staff notices are written to the outbox, also without limit; ordinary activities, as paging will send them. */
export const staffNotices = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: WITHOUT_LIMIT,
});

/**
 * Bookkeeping of what runs beside the steps (pages, acknowledgements), as ordinary activities, also without limit:
 * two local activities started in one workflow task can resolve in another order on replay than they did live (a
 * page's entry and a decision's), which would stall the case; an ordinary activity's result is an event in history.
 */
export const besideSteps = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: WITHOUT_LIMIT,
});

/** Deliveries to people outside retry with backoff, then give up so an officer can take over. */
export function deliveriesWith({ delivery }: CaseTimings): CaseActivities {
  return proxyActivities<CaseActivities>({
    startToCloseTimeout: '1 minute',
    retry: {
      initialInterval: delivery.initialIntervalMs,
      maximumInterval: delivery.maximumIntervalMs,
      backoffCoefficient: 2,
      maximumAttempts: delivery.maximumAttempts,
    },
  });
}

/**
 * Pages go with the delivery retry policy, but a short time to run: a page held by a worker that died is sent again
 * (under the same delivery ids) within seconds, not after the minute a slow webhook may take.
 */
export function pagerWith({ delivery }: CaseTimings): PagingActivities {
  return proxyActivities<PagingActivities>({
    startToCloseTimeout: '15 seconds',
    retry: {
      initialInterval: delivery.initialIntervalMs,
      maximumInterval: delivery.maximumIntervalMs,
      backoffCoefficient: 2,
      maximumAttempts: delivery.maximumAttempts,
    },
  });
}

/** A delivery's result, or undefined once its attempts are spent. */
export async function attempt<T>(delivery: () => Promise<T>): Promise<T | undefined> {
  try {
    return await delivery();
  } catch (error) {
    if (error instanceof ActivityFailure) return undefined;
    throw error;
  }
}
