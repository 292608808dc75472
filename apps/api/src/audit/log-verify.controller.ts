import { Controller, Get, Param } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { LogAudit } from '@sg/case-log';
import { Roles } from '../auth/roles.guard';
import { caseIdPipe } from '../common/case-id.pipe';
import { LogAuditService } from './log-audit.service';

@ApiTags('audit')
@Controller('cases')
export class LogVerifyController {
  constructor(private readonly audit: LogAuditService) {}

  @Get(':id/log/verify')
  @Roles('auditor')
  @ApiOkResponse({ description: '{valid, entries, headHash, firstInvalidSeq?, reason?, checkpointedSeq?}' })
  @ApiForbiddenResponse({ description: 'Not an auditor' })
  @ApiNotFoundResponse({ description: 'No such case' })
  verify(@Param('id', caseIdPipe) id: string): Promise<LogAudit> {
    return this.audit.verify(id);
  }
}
