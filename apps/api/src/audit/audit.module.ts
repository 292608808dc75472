import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditKeys } from './audit-keys';
import { Checkpointer } from './checkpointer.service';
import { LogAuditService } from './log-audit.service';
import { LogExportService } from './log-export.service';
import { LogVerifyController } from './log-verify.controller';

/** Log verification, signed checkpoints and exports (SPEC §4, §5). */
@Module({
  controllers: [AuditController, LogVerifyController],
  providers: [
    { provide: AuditKeys, useFactory: () => AuditKeys.fromEnvironment() },
    LogAuditService,
    Checkpointer,
    LogExportService,
  ],
})
export class AuditModule {}
