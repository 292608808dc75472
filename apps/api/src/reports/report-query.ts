import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { badRequest } from '../common/field-errors';
import { IsIsoDateTime } from '../common/is-iso-date-time.validator';
import { rangeProblem, REPORT_INTERVALS, ReportInterval, ReportRange } from './report-periods';

export class ReportQuery {
  @ApiProperty({ description: 'Log entries written at or after this instant', example: '2026-11-02T00:00:00Z' })
  @IsIsoDateTime()
  from!: string;

  @ApiProperty({ description: 'Log entries written before this instant', example: '2026-12-01T00:00:00Z' })
  @IsIsoDateTime()
  to!: string;

  @ApiProperty({ enum: REPORT_INTERVALS, description: 'Weeks start on Monday 00:00 UTC; months on the 1st, UTC' })
  @IsIn(REPORT_INTERVALS)
  interval!: ReportInterval;
}

/** The validated range: `to` after `from`, and not absurdly far apart (400 otherwise, nothing queried). */
export function toReportRange(query: ReportQuery): ReportRange {
  const range = { from: new Date(query.from), to: new Date(query.to), interval: query.interval };
  const problem = rangeProblem(range);
  if (problem) throw badRequest([{ field: 'to', message: problem }]);
  return range;
}
