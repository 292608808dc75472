import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { withoutDetails } from './without-details';

const env = new MockActivityEnvironment(undefined, { logger: new DefaultLogger('ERROR') });

/** What a failing query throws: the statement and its parameters ride along on the error. */
class QueryFailedError extends Error {
  readonly query = 'INSERT INTO cases (summary) VALUES ($1)';
  readonly parameters = ['canary-5521 plans to end it tonight'];
  constructor() {
    super('duplicate key value violates unique constraint');
    this.name = 'QueryFailedError';
  }
}

describe('withoutDetails', () => {
  it('lets an error leave an activity as its name and message only: no query, no parameters', async () => {
    const failing = withoutDetails(async () => {
      throw new QueryFailedError();
    });
    const error = (await env.run(failing).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe('QueryFailedError: duplicate key value violates unique constraint');
    expect(error.cause).toBeUndefined();
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('canary-5521');
  });

  it('passes an ApplicationFailure (a decision about retrying) and a result through unchanged', async () => {
    const refused = ApplicationFailure.nonRetryable('bad input', 'INVALID');
    await expect(env.run(withoutDetails(async () => Promise.reject(refused)))).rejects.toBe(refused);
    await expect(
      env.run(
        withoutDetails(async (n: number) => n + 1),
        41,
      ),
    ).resolves.toBe(42);
  });
});
