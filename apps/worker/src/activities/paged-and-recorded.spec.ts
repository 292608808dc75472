import { ApplicationFailure } from '@temporalio/common';
import type { PageOutcome, PageRequest } from '@sg/workflows/paging/paging.types';
import { pagedAndRecorded } from './paged-and-recorded';

const request: PageRequest = { caseId: 'c-1', round: 1, level: 1, repeat: 2, deadline: '2026-11-26T20:00:00Z' };
const outcome: PageOutcome = {
  level: 1,
  repeat: 2,
  paged: [{ username: 'oncall.cat', routes: ['webhook', 'email'] }],
  unreachable: [],
  failed: ['oncall.dan'],
  nobody: false,
};

describe('pagedAndRecorded', () => {
  it('pages, then writes the page’s staff.paged entry under its step key, and answers the outcome', async () => {
    const recordSteps = jest.fn().mockResolvedValue([]);
    const answer = await pagedAndRecorded(async () => outcome, recordSteps)(request);
    expect(answer).toEqual(outcome);
    expect(recordSteps).toHaveBeenCalledWith({
      caseId: 'c-1',
      steps: [
        {
          stepKey: 'staff.paged:1:1:2',
          actor: 'system',
          type: 'staff.paged',
          data: {
            round: 1,
            level: 1,
            repeat: 2,
            outcome: 'PAGED',
            usernames: ['oncall.cat'],
            routes: ['email', 'webhook'],
            unreachable: [],
            failed: ['oncall.dan'],
          },
        },
      ],
    });
  });

  it('a page sent but not logged fails at once with the outcome, and without the database error', async () => {
    const failure = await pagedAndRecorded(
      async () => outcome,
      async () => {
        throw new Error('insert into case_log_entries … values ($1: "Sam, 15")');
      },
    )(request).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'PAGE_NOT_RECORDED', nonRetryable: true, details: [outcome] });
    expect((failure as Error).message).not.toMatch(/Sam|insert/);
  });

  it('a pager that fails writes nothing, and the failure is the pager’s, for Temporal to retry', async () => {
    const recordSteps = jest.fn();
    const down = new Error('pager down');
    await expect(pagedAndRecorded(async () => Promise.reject(down), recordSteps)(request)).rejects.toBe(down);
    expect(recordSteps).not.toHaveBeenCalled();
  });
});
