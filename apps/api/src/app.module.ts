import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { apiConfig, databaseConfig, securityConfig, temporalConfig } from '@sg/config';
import { PersistenceModule } from '@sg/persistence/persistence.module';
import { TemporalClientModule } from '@sg/temporal';
import { AuditModule } from './audit/audit.module';
import { CasesModule } from './cases/cases.module';
import { DisclosuresModule } from './disclosures/disclosures.module';
import { HealthModule } from './health/health.module';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { ObservabilityModule } from './observability/observability.module';
import { ReportsModule } from './reports/reports.module';
import { OutboxController } from './outbox/outbox.controller';
import { PolicyController } from './policy/policy.controller';
import { AuthModule } from './auth/auth.module';
import { SharingHistoryController } from './subject/sharing-history.controller';
import { SharingHistory } from './subject/sharing-history.service';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      load: [apiConfig, databaseConfig, temporalConfig, securityConfig],
    }),
    PersistenceModule,
    TemporalClientModule,
    AuthModule,
    DisclosuresModule,
    CasesModule,
    HealthModule,
    LifecycleModule,
    AuditModule,
    ObservabilityModule,
    ReportsModule,
  ],
  controllers: [OutboxController, PolicyController, SharingHistoryController],
  providers: [SharingHistory],
})
export class AppModule {}
