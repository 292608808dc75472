import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { CaseFailure } from '@sg/workflows/case/case-failures';
import { DomainError, DomainErrorCode } from '../common/domain-error';

/**
 * Why the workflow refused a step (the type of its failure, from its validators or its activities) and the domain
 * error that says so to the API's caller: the one table. Typed by the workflow's failure types, so a new one cannot
 * be forgotten here.
 */
const REFUSALS: Record<CaseFailure, DomainErrorCode> = {
  NOT_CURRENT_STEP: 'CASE.NOT_CURRENT_STEP',
  FORBIDDEN: 'CASE.FORBIDDEN',
  INVALID: 'CASE.INVALID',
};

/** The domain error for a step the workflow refused, or undefined when the failure is not a refusal. */
export function refusalOf(error: unknown): DomainError | undefined {
  if (!(error instanceof WorkflowUpdateFailedError)) return undefined;
  // A validator's refusal is the update's cause; an activity's is wrapped in the ActivityFailure that carried it.
  for (let cause: unknown = error.cause; cause instanceof Error; cause = cause.cause) {
    if (!(cause instanceof ApplicationFailure)) continue;
    const code = Object.hasOwn(REFUSALS, cause.type ?? '') ? REFUSALS[cause.type as CaseFailure] : undefined;
    if (code) return new DomainError(code, cause.message);
  }
  return undefined;
}

/**
 * Any other failure to take a step, saying only what is known: a workflow that has ended (the case closed, or its
 * workflow stopped without closing it), or an engine that did not confirm it (the step may still be recorded).
 */
export async function failureOf(error: unknown, caseIsClosed: () => Promise<boolean>): Promise<DomainError> {
  if (error instanceof WorkflowNotFoundError) {
    if (await caseIsClosed()) return new DomainError('CASE.CLOSED', 'The case is closed');
    return new DomainError(
      'CASE.WORKFLOW_NOT_RUNNING',
      "This case's workflow is not running; nothing was recorded. Tell a supervisor.",
    );
  }
  // Never "nothing was recorded": a step's bookkeeping may have run in a workflow task that was then lost
  // (update-delivery.ts), and sending the step again is safe, since a step already taken is refused.
  return new DomainError(
    'WORKFLOW_ENGINE.UNAVAILABLE',
    'The workflow engine did not confirm the step; it may still be recorded. Send it again shortly: a step already taken is refused, never done twice.',
  );
}
