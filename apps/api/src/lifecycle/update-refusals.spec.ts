import {
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ActivityFailure, ApplicationFailure, RetryState } from '@temporalio/common';
import { CASE_FAILURES } from '@sg/workflows/case/case-failures';
import { DOMAIN_ERROR_STATUS } from '../common/domain-error';
import { failureOf, refusalOf } from './update-refusals';

const failed = (cause: Error) => new WorkflowUpdateFailedError('Workflow Update failed', cause);
const refused = (type: string, message = 'why') =>
  failed(ApplicationFailure.create({ type, message, nonRetryable: true }));

describe('refusalOf: what the workflow refused becomes a domain error, by one table', () => {
  it('maps each of the workflow’s refusals to its code and HTTP status, keeping its message', () => {
    const statuses = Object.keys(CASE_FAILURES).map((type) => {
      const error = refusalOf(refused(type, `refused as ${type}`))!;
      expect(error.message).toBe(`refused as ${type}`);
      return [type, error.code, DOMAIN_ERROR_STATUS[error.code]];
    });
    expect(statuses).toEqual([
      ['NOT_CURRENT_STEP', 'CASE.NOT_CURRENT_STEP', 409],
      ['FORBIDDEN', 'CASE.FORBIDDEN', 403],
      ['INVALID', 'CASE.INVALID', 400],
    ]);
  });

  it('finds a refusal an activity made (the policy could not judge the assessment)', () => {
    const invalid = ApplicationFailure.nonRetryable('indicators: unknown', 'INVALID');
    const activity = new ActivityFailure(
      'activity failed',
      'recordAssessment',
      '1',
      RetryState.NON_RETRYABLE_FAILURE,
      'w',
      invalid,
    );
    expect(refusalOf(failed(activity))).toMatchObject({ code: 'CASE.INVALID', message: 'indicators: unknown' });
  });

  it('is not a refusal: unknown failure types, other errors, a workflow that has ended (the caller decides)', () => {
    expect(refusalOf(refused('CASE_NOT_FOUND'))).toBeUndefined();
    expect(refusalOf(refused('toString'))).toBeUndefined();
    expect(refusalOf(failed(new Error('boom')))).toBeUndefined();
    expect(
      refusalOf(new WorkflowNotFoundError('workflow execution already completed', 'case-1', undefined)),
    ).toBeUndefined();
    expect(refusalOf(new Error('already completed'))).toBeUndefined();
  });
});

describe('failureOf: a step the engine did not take says only what is known', () => {
  const ended = new WorkflowNotFoundError('workflow execution already completed', 'case-1', undefined);

  it('a workflow that has ended: closed when the case is, else a workflow that is not running', async () => {
    expect(await failureOf(ended, async () => true)).toMatchObject({ code: 'CASE.CLOSED' });
    expect(await failureOf(ended, async () => false)).toMatchObject({ code: 'CASE.WORKFLOW_NOT_RUNNING' });
  });

  // Neither may claim nothing was recorded: a step's bookkeeping can run in a workflow task that is then lost.
  it('no answer in time, or any other engine failure, says the step may be recorded and may be sent again', async () => {
    const timeout = new WorkflowUpdateRPCTimeoutOrCancelledError('Timed out waiting for update');
    for (const error of [timeout, new Error('UNAVAILABLE')]) {
      const failure = await failureOf(error, async () => false);
      expect(failure).toMatchObject({ code: 'WORKFLOW_ENGINE.UNAVAILABLE' });
      expect(failure.message).toMatch(/may still be recorded/);
      expect(failure.message).not.toMatch(/nothing was recorded/);
    }
  });
});
