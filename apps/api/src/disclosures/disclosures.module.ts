import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { lifecycleConfig } from '@sg/config';
import { CaseWorkflowStarter } from './case-workflow-starter';
import { DisclosuresController } from './disclosures.controller';
import { IntakeService } from './intake.service';
import { WorkflowStartRelay } from './workflow-start-relay';

@Module({
  imports: [ConfigModule.forFeature(lifecycleConfig)],
  controllers: [DisclosuresController],
  providers: [IntakeService, CaseWorkflowStarter, WorkflowStartRelay],
})
export class DisclosuresModule {}
