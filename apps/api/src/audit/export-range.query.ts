import { ApiProperty } from '@nestjs/swagger';
import { isISO8601, ValidateBy, ValidationOptions } from 'class-validator';
import { badRequest } from '../common/field-errors';
import type { ExportRange } from './log-export.service';

// A date-time with its time zone: a bare local time would mean different instants on different machines.
const WITH_ZONE = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d:\d\d)$/i;

function IsZonedDateTime(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isZonedDateTime', validator: { validate: (v: unknown) => typeof v === 'string' && WITH_ZONE.test(v) && isISO8601(v, { strict: true }) } },
    { message: ({ property }) => `${property} must be an ISO-8601 date-time with a time zone, e.g. 2026-11-20T00:00:00Z`, ...options },
  );
}

export class ExportRangeQuery {
  @ApiProperty({ description: 'Entries with `at` at or after this instant', example: '2026-11-01T00:00:00Z' })
  @IsZonedDateTime()
  from!: string;

  @ApiProperty({ description: 'Entries with `at` before this instant', example: '2026-12-01T00:00:00Z' })
  @IsZonedDateTime()
  to!: string;
}

/** The validated range; `to` must come after `from`. */
export function toExportRange(query: ExportRangeQuery): ExportRange {
  const range = { from: new Date(query.from), to: new Date(query.to) };
  if (!(range.to.getTime() > range.from.getTime())) throw badRequest([{ field: 'to', message: 'to must be later than from' }]);
  return range;
}
