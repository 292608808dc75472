import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { apiConfig, databaseConfig, temporalConfig } from '@sg/config';
import { PersistenceModule } from '@sg/persistence/persistence.module';
import { TemporalClientModule } from '@sg/temporal';
import { CasesModule } from './cases/cases.module';
import { DisclosuresModule } from './disclosures/disclosures.module';
import { HealthModule } from './health/health.module';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [apiConfig, databaseConfig, temporalConfig] }),
    PersistenceModule,
    TemporalClientModule,
    DisclosuresModule,
    CasesModule,
    HealthModule,
  ],
})
export class AppModule {}
