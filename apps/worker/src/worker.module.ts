import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { databaseConfig, deliveryConfig, lifecycleConfig, temporalConfig } from '@sg/config';
import { PersistenceModule } from '@sg/persistence/persistence.module';
import { ACTIVITY_PROVIDERS } from './activities';
import { CheckpointActivities } from './checkpoints/checkpoint.activities';
import { TemporalWorker } from './temporal-worker';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      load: [databaseConfig, temporalConfig, lifecycleConfig, deliveryConfig],
    }),
    PersistenceModule,
  ],
  providers: [...ACTIVITY_PROVIDERS, CheckpointActivities, TemporalWorker],
})
export class WorkerModule {}
