import { ApiProperty } from '@nestjs/swagger';
import { badRequest } from '../common/field-errors';
import { IsIsoDateTime } from '../common/is-iso-date-time.validator';
import type { ExportRange } from './log-export.service';

export class ExportRangeQuery {
  @ApiProperty({ description: 'Entries with `at` at or after this instant', example: '2026-11-01T00:00:00Z' })
  @IsIsoDateTime()
  from!: string;

  @ApiProperty({ description: 'Entries with `at` before this instant', example: '2026-12-01T00:00:00Z' })
  @IsIsoDateTime()
  to!: string;
}

/** The validated range; `to` must come after `from`. */
export function toExportRange(query: ExportRangeQuery): ExportRange {
  const range = { from: new Date(query.from), to: new Date(query.to) };
  if (!(range.to.getTime() > range.from.getTime()))
    throw badRequest([{ field: 'to', message: 'to must be later than from' }]);
  return range;
}
