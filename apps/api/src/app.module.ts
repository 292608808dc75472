import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { routesConfig } from '@sg/agencies/routes.config';
import { apiConfig, databaseConfig, securityConfig, temporalConfig } from '@sg/config';
import { PersistenceModule } from '@sg/persistence/persistence.module';
import { TemporalClientModule } from '@sg/temporal';
import { AuditModule } from './audit/audit.module';
import { CasesModule } from './cases/cases.module';
import { DisclosuresModule } from './disclosures/disclosures.module';
import { DurabilityModule } from './durability/durability.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { DevelopmentOutboxModule } from './outbox/development-outbox.module';
import { PagingModule } from './paging/paging.module';
import { RotaModule } from './rota/rota.module';
import { StaffContactsModule } from './staff-contacts/staff-contacts.module';
import { ObservabilityModule } from './observability/observability.module';
import { ReportsModule } from './reports/reports.module';
import { PolicyController } from './policy/policy.controller';
import { AuthModule } from './auth/auth.module';
import { NoDemoAccountsCheck } from './boot/no-demo-accounts.check';
import { SharingHistoryController } from './subject/sharing-history.controller';
import { SharingHistory } from './subject/sharing-history.service';
import { TasksController } from './tasks/tasks.controller';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      load: [apiConfig, databaseConfig, temporalConfig, securityConfig, routesConfig],
    }),
    PersistenceModule,
    TemporalClientModule,
    AuthModule,
    DisclosuresModule,
    CasesModule,
    HealthModule,
    LifecycleModule,
    AuditModule,
    DurabilityModule,
    // routes, rota and paging (docs/paging.md)
    DevelopmentOutboxModule.forEnvironment(),
    RotaModule,
    StaffContactsModule,
    PagingModule,
    ObservabilityModule,
    ReportsModule,
    EventsModule,
  ],
  controllers: [PolicyController, SharingHistoryController, TasksController],
  providers: [SharingHistory, NoDemoAccountsCheck],
})
export class AppModule {}
