import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { LogEntry } from '@sg/case-log';
import type { Actor } from '@sg/workflows/case/case.types';
import { ActingUser } from '../auth/acting-user';
import { Roles } from '../auth/roles.guard';
import { caseIdPipe } from '../common/case-id.pipe';
import { CaseView } from './case-view';
import { CasesService } from './cases.service';
import { ListCasesQuery } from './list-cases.query';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  @Roles('officer', 'on_call', 'supervisor')
  @ApiOkResponse({
    description:
      '{items, total}: the queue, filtered by status, level and escalated, most urgent first: emergency reviews ' +
      'awaiting a decision (soonest deadline first), open before closed, escalated, by level, then oldest first',
  })
  list(@Query() query: ListCasesQuery) {
    return this.cases.list(query);
  }

  @Get(':id')
  @Roles('officer', 'on_call', 'supervisor', 'auditor')
  @ApiOkResponse({
    description:
      'The case: disclosure, assessment, recommendation, decision, referrals, notifications, open tasks, and ' +
      "priorCases [{id, status, level, openedAt}]: the young person's earlier cases, newest first",
  })
  @ApiNotFoundResponse({ description: 'No such case' })
  get(@Param('id', caseIdPipe) id: string, @ActingUser() viewer: Actor): Promise<CaseView> {
    return this.cases.view(id, viewer.username);
  }

  @Get(':id/log')
  @Roles('officer', 'on_call', 'supervisor', 'auditor')
  @ApiOkResponse({ description: "The case's hash-chained log, in order" })
  @ApiNotFoundResponse({ description: 'No such case' })
  async log(@Param('id', caseIdPipe) id: string, @ActingUser() viewer: Actor): Promise<{ entries: LogEntry[] }> {
    return { entries: await this.cases.logOf(id, viewer.username) };
  }
}
