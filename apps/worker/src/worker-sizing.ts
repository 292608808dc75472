import type { WorkerOptions } from '@temporalio/worker';
import type { Environment } from '@sg/config';

/**
 * How much the worker takes on at once, from the settings (docs/benchmarks.md, "Worker memory"). Activities are
 * capped at the database pool: each holds a connection while it records a step, so more would only queue inside the
 * pool while their Temporal timeouts run. Workflow tasks are CPU only; two per core keeps both cores busy.
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
