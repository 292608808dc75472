import { Module } from '@nestjs/common';
import { CaseWorkflowStarter } from './case-workflow-starter';
import { DisclosuresController } from './disclosures.controller';
import { IntakeService } from './intake.service';
import { WorkflowStartRelay } from './workflow-start-relay';

@Module({
  controllers: [DisclosuresController],
  providers: [IntakeService, CaseWorkflowStarter, WorkflowStartRelay],
})
export class DisclosuresModule {}
