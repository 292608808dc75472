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
import { OutboxController } from './outbox/outbox.controller';
import { PolicyController } from './policy/policy.controller';
import { AuthModule } from './auth/auth.module';
import { NoDemoAccountsCheck } from './boot/no-demo-accounts.check';
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
  ],
  controllers: [OutboxController, PolicyController, SharingHistoryController],
  providers: [SharingHistory, NoDemoAccountsCheck],
})
export class AppModule {}
