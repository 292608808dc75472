import type { WorkerOptions } from '@temporalio/worker';
import type { Environment } from '@sg/config';

/**
 * How much the worker takes on at once, from the settings (docs/benchmarks.md, "Memory"). Activities are capped at
 * the database pool: each holds a connection while it records a step, so more would only queue inside the pool while
 * their Temporal timeouts run. The workflow cache is the worker's largest variable cost (~0.7 MiB of the workflow
 * thread's heap per cached case), so it is sized to the cases moving at once rather than to the cases open.
 */
export function workerSizing(
  settings: Pick<Environment, 'DATABASE_POOL_SIZE' | 'WORKER_MAX_CACHED_WORKFLOWS'>,
): Pick<
  WorkerOptions,
  'maxCachedWorkflows' | 'maxConcurrentActivityTaskExecutions' | 'maxConcurrentLocalActivityExecutions'
> {
  return {
    maxCachedWorkflows: settings.WORKER_MAX_CACHED_WORKFLOWS,
    maxConcurrentActivityTaskExecutions: settings.DATABASE_POOL_SIZE,
    maxConcurrentLocalActivityExecutions: settings.DATABASE_POOL_SIZE,
  };
}
