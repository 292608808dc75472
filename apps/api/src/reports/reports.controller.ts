import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../auth/roles.guard';
import { reportCsv } from './report-csv';
import { ReportQuery, toReportRange } from './report-query';
import { ReportsService } from './reports.service';

/** SPEC §8: figures for the safeguarding lead and auditors, computed from the case log. See docs/reports.md. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('summary')
  @Roles('supervisor', 'auditor')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description:
      '{from, to, interval, periods: [{start, end, disclosures, decisions, reviews, escalations, decisionToReferral, ' +
      'notifications, feedback}], total}; with Accept: text/csv, one figure per row',
  })
  @ApiBadRequestResponse({ description: 'from/to missing or not date-times, to not after from, a span over 1830 days' })
  @ApiForbiddenResponse({ description: 'Not a supervisor or auditor' })
  async summary(@Query() query: ReportQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    const report = await this.reports.summary(toReportRange(query));
    res.setHeader('Cache-Control', 'no-store');
    if (req.accepts(['application/json', 'text/csv']) === 'text/csv') {
      res.type('text/csv').setHeader('Content-Disposition', 'attachment; filename="safeguarding-summary.csv"');
      res.send(reportCsv(report));
      return;
    }
    res.json(report);
  }
}
