import { ApplicationFailure } from '@temporalio/common';
import {
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { deliverUpdate } from './update-delivery';

const noPause = async () => undefined;

describe('deliverUpdate: a step is sent until Temporal gives it an outcome', () => {
  it('sends again after a failure that is no outcome (a lost workflow task, a timeout), and answers the outcome', async () => {
    const send = jest
      .fn()
      .mockRejectedValueOnce(new ServiceError('Workflow Update failed'))
      .mockRejectedValueOnce(new WorkflowUpdateRPCTimeoutOrCancelledError('timeout'))
      .mockResolvedValueOnce({ status: 'AWAITING_FEEDBACK' });
    await expect(deliverUpdate(send, { pause: noPause })).resolves.toEqual({ status: 'AWAITING_FEEDBACK' });
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('never sends again once the workflow has answered: a refusal or a failure is the outcome', async () => {
    const refused = new WorkflowUpdateFailedError(
      'refused',
      ApplicationFailure.nonRetryable('not now', 'NOT_CURRENT_STEP'),
    );
    const send = jest.fn().mockRejectedValue(refused);
    await expect(deliverUpdate(send, { pause: noPause })).rejects.toBe(refused);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('never sends again to a workflow that is gone', async () => {
    const gone = new WorkflowNotFoundError('not found', 'case-1', undefined);
    const send = jest.fn().mockRejectedValue(gone);
    await expect(deliverUpdate(send, { pause: noPause })).rejects.toBe(gone);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('gives up after its pauses, with the last failure', async () => {
    const down = new ServiceError('Workflow Update failed');
    const pauses: number[] = [];
    const send = jest.fn().mockRejectedValue(down);
    const pause = async (ms: number) => void pauses.push(ms);
    await expect(deliverUpdate(send, { pause })).rejects.toBe(down);
    expect(pauses).toEqual([500, 2_000]);
    expect(send).toHaveBeenCalledTimes(3);
  });
});
