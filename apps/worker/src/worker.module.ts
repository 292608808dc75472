import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { routesConfig } from '@sg/agencies/routes.config';
import { databaseConfig, lifecycleConfig, temporalConfig } from '@sg/config';
import { PersistenceModule } from '@sg/persistence/persistence.module';
import { ACTIVITY_PROVIDERS } from './activities';
import { WorkerHealthServer } from './observability/worker-health-server';
import { WorkerMetrics } from './observability/worker-metrics';
import { CheckpointActivities } from './checkpoints/checkpoint.activities';
import { TemporalWorker } from './temporal-worker';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      load: [databaseConfig, temporalConfig, lifecycleConfig, routesConfig],
    }),
    PersistenceModule,
  ],
  providers: [...ACTIVITY_PROVIDERS, CheckpointActivities, TemporalWorker, WorkerMetrics, WorkerHealthServer],
})
export class WorkerModule {}
