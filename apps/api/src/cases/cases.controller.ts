import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { LogEntry } from '@sg/case-log';
import { Roles } from '../auth/roles.guard';
import { caseIdPipe } from '../common/case-id.pipe';
import { CaseView } from './case-view';
import { CasesService } from './cases.service';
import { ListCasesQuery } from './list-cases.query';

@ApiTags('cases')
@ApiHeader({ name: 'X-Actor', required: true })
@ApiHeader({ name: 'X-Actor-Role', required: true })
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  @Roles('officer', 'on_call', 'supervisor')
  @ApiOkResponse({ description: '{items, total}: the queue, filtered by status, level and escalated, oldest first' })
  list(@Query() query: ListCasesQuery) {
    return this.cases.list(query);
  }

  @Get(':id')
  @Roles('officer', 'on_call', 'supervisor', 'auditor')
  @ApiOkResponse({ description: 'The case: disclosure, assessment, recommendation, decision, referrals, notifications, open tasks, prior cases' })
  @ApiNotFoundResponse({ description: 'No such case' })
  get(@Param('id', caseIdPipe) id: string): Promise<CaseView> {
    return this.cases.get(id);
  }

  @Get(':id/log')
  @Roles('officer', 'on_call', 'supervisor', 'auditor')
  @ApiOkResponse({ description: "The case's hash-chained log, in order" })
  @ApiNotFoundResponse({ description: 'No such case' })
  async log(@Param('id', caseIdPipe) id: string): Promise<{ entries: LogEntry[] }> {
    return { entries: await this.cases.logOf(id) };
  }
}
