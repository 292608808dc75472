import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ConfigModule } from '@nestjs/config';
import { apiConfig, databaseConfig, temporalConfig } from '@sg/config';
import { PersistenceModule } from '@sg/persistence/persistence.module';
import { TemporalClientModule } from '@sg/temporal';
import { CasesModule } from './cases/cases.module';
import { DisclosuresModule } from './disclosures/disclosures.module';
import { HealthModule } from './health/health.module';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { OutboxController } from './outbox/outbox.controller';
import { PolicyController } from './policy/policy.controller';
import { RolesGuard } from './auth/roles.guard';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [apiConfig, databaseConfig, temporalConfig] }),
    PersistenceModule,
    TemporalClientModule,
    DisclosuresModule,
    CasesModule,
    HealthModule,
    LifecycleModule,
  ],
  controllers: [OutboxController, PolicyController],
  providers: [{ provide: APP_GUARD, useClass: RolesGuard }],
})
export class AppModule {}
