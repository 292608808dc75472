import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CaseUpdates } from './case-updates.service';
import { LifecycleController } from './lifecycle.controller';

@Module({ imports: [CasesModule], controllers: [LifecycleController], providers: [CaseUpdates] })
export class LifecycleModule {}
