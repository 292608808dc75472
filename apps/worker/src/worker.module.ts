import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { databaseConfig, temporalConfig } from '@sg/config';
import { PersistenceModule } from '@sg/persistence/persistence.module';
import { CaseActivitiesService } from './activities/case.activities';
import { TemporalWorker } from './temporal-worker';

@Module({
  imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [databaseConfig, temporalConfig] }), PersistenceModule],
  providers: [CaseActivitiesService, TemporalWorker],
})
export class WorkerModule {}
