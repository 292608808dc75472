import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { lifecycleConfig } from '@sg/config';
import { CaseResumeController } from './case-resume.controller';
import { CaseResume } from './case-resume.service';
import { ReconcileSchedule } from './reconcile-schedule';

/** No case silently dies: the reconciler's schedule, and an operator's resume (docs/operations.md). */
@Module({
  imports: [ConfigModule.forFeature(lifecycleConfig)],
  controllers: [CaseResumeController],
  providers: [CaseResume, ReconcileSchedule],
})
export class DurabilityModule {}
