import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { routesConfig } from '@sg/agencies/routes.config';
import { databaseConfig, lifecycleConfig, temporalConfig } from '@sg/config';
import { PersistenceModule } from '@sg/persistence/persistence.module';
import { TemporalClientModule } from '@sg/temporal';
import { ACTIVITY_PROVIDERS } from './activities';
import { WorkerHealthServer } from './observability/worker-health-server';
import { WorkerMetrics } from './observability/worker-metrics';
import { CheckpointActivities } from './checkpoints/checkpoint.activities';
import { CaseReconcilerActivities } from './reconciler/case-reconciler.activities';
import { TemporalWorker } from './temporal-worker';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      load: [databaseConfig, temporalConfig, lifecycleConfig, routesConfig],
    }),
    PersistenceModule,
    TemporalClientModule, // the reconciler describes case workflows
  ],
  providers: [
    ...ACTIVITY_PROVIDERS,
    CheckpointActivities,
    CaseReconcilerActivities,
    TemporalWorker,
    WorkerMetrics,
    WorkerHealthServer,
  ],
})
export class WorkerModule {}
