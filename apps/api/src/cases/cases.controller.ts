import { BadRequestException, Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { LogEntry } from '@sg/case-log';
import { CaseView } from './case-view';
import { CasesService } from './cases.service';

const caseIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('id must be a case id (UUID)') });

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get(':id')
  @ApiOkResponse({ description: 'The case' })
  @ApiNotFoundResponse({ description: 'No such case' })
  get(@Param('id', caseIdPipe) id: string): Promise<CaseView> {
    return this.cases.get(id);
  }

  @Get(':id/log')
  @ApiOkResponse({ description: "The case's hash-chained log, in order" })
  @ApiNotFoundResponse({ description: 'No such case' })
  async log(@Param('id', caseIdPipe) id: string): Promise<{ entries: LogEntry[] }> {
    return { entries: await this.cases.logOf(id) };
  }
}
