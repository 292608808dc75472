import { ApplicationFailure } from '@temporalio/workflow';

/**
 * Why the workflow refuses a step, as the failure type the API maps to a domain error (and so to HTTP) in one table:
 * `apps/api/src/lifecycle/update-refusals.ts`.
 */
export const CASE_FAILURES = {
  NOT_CURRENT_STEP: 'NOT_CURRENT_STEP', // 409
  FORBIDDEN: 'FORBIDDEN', // 403
  INVALID: 'INVALID', // 400
} as const;
export type CaseFailure = keyof typeof CASE_FAILURES;

/** Refuses a step: thrown from an update validator, it is answered before anything is written to history. */
export function refuse(type: CaseFailure, message: string): never {
  throw ApplicationFailure.create({ type: CASE_FAILURES[type], message, nonRetryable: true });
}
