import { Global, Module } from '@nestjs/common';
import { ApiMetrics } from './api-metrics';
import { MetricsController } from './metrics.controller';
import { ReviewQueueMetrics } from './review-queue-metrics';

/** Metrics for Prometheus (docs/operations.md); ApiMetrics is injectable anywhere that counts something. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [ApiMetrics, ReviewQueueMetrics],
  exports: [ApiMetrics],
})
export class ObservabilityModule {}
