import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import type { WorkerMetrics } from './worker-metrics';

/** Counts every activity attempt as it starts, and its outcome as it ends (the error itself passes through). */
export function activityMetricsInterceptor(metrics: WorkerMetrics): ActivityInterceptorsFactory {
  return (context) => ({
    inbound: {
      async execute(input, next) {
        const { activityType, attempt } = context.info;
        metrics.started(activityType, attempt);
        try {
          const result = await next(input);
          metrics.succeeded(activityType, input.args, result);
          return result;
        } catch (error) {
          metrics.failed(activityType, error);
          throw error;
        }
      },
    },
  });
}
