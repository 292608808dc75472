import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@sg/workflows/case/case.types';
import { ActingUser } from '../auth/acting-user';
import { Roles } from '../auth/roles.guard';
import { caseIdPipe } from '../common/case-id.pipe';
import { CaseResume, ResumedCase } from './case-resume.service';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('cases')
export class CaseResumeController {
  constructor(private readonly resumes: CaseResume) {}

  @Post(':id/resume')
  @HttpCode(202)
  @Roles('supervisor', 'admin')
  @ApiAcceptedResponse({ description: 'A new run of the case workflow started from the state its log records' })
  @ApiNotFoundResponse({ description: 'No such case' })
  @ApiConflictResponse({ description: 'The case is closed, or its workflow is running' })
  resume(@Param('id', caseIdPipe) id: string, @ActingUser() by: Actor): Promise<ResumedCase> {
    return this.resumes.resume(id, by.username);
  }
}
