import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditKeys } from './audit-keys';
import { CheckpointRuns } from './checkpoint-runs.service';
import { CheckpointSchedule } from './checkpoint-schedule';
import { LogAuditService } from './log-audit.service';
import { LogExportService } from './log-export.service';
import { LogVerifyController } from './log-verify.controller';
import { TreeHeadsController } from './tree-heads.controller';
import { TreeHeads } from './tree-heads.service';

/** Log verification, signed checkpoints, tree heads and exports (SPEC §4, §5; docs/audit.md). */
@Module({
  controllers: [AuditController, LogVerifyController, TreeHeadsController],
  providers: [
    { provide: AuditKeys, useFactory: () => AuditKeys.fromEnvironment() },
    LogAuditService,
    CheckpointRuns,
    CheckpointSchedule,
    TreeHeads,
    LogExportService,
  ],
})
export class AuditModule {}
