import { ApplicationFailure } from '@temporalio/common';

/**
 * An error leaves an activity as its name and message only. A database error object carries its query and
 * parameters (disclosure text, names), which the worker would otherwise log on every retry.
 */
export function withoutDetails<A extends unknown[], R>(
  activity: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await activity(...args);
    } catch (error) {
      if (error instanceof ApplicationFailure || !(error instanceof Error)) throw error;
      // The cause is dropped on purpose: it is what carries the query and its parameters.
      // eslint-disable-next-line preserve-caught-error
      throw new Error(`${error.name}: ${error.message}`);
    }
  };
}
