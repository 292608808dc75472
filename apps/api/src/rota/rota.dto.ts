import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { IsIsoDateTime } from '../common/is-iso-date-time.validator';
import { SHIFT_LEVELS, type ShiftLevel } from './shift-rules';

export const USERNAME = /^[a-z0-9._-]{3,100}$/;

export class CreateShiftDto {
  @ApiProperty({ example: 'oncall.cat' })
  @IsString()
  @Matches(USERNAME, { message: 'username must be a staff username' })
  username!: string;

  @ApiProperty({ enum: SHIFT_LEVELS, description: '1: on call; 2: supervisor; 3: safeguarding lead' })
  @IsIn(SHIFT_LEVELS, { message: 'level must be 1, 2 or 3' })
  level!: ShiftLevel;

  @ApiProperty({ example: '2026-11-20T18:00:00Z' }) @IsIsoDateTime() startsAt!: string;
  @ApiProperty({ example: '2026-11-21T08:00:00Z' }) @IsIsoDateTime() endsAt!: string;
}

export class ShiftRangeQuery {
  @ApiPropertyOptional({ description: 'Shifts ending after this (default: now)' })
  @IsOptional()
  @IsIsoDateTime()
  from?: string;

  @ApiPropertyOptional({ description: 'Shifts starting before this (default: 7 days after from; at most 92 days)' })
  @IsOptional()
  @IsIsoDateTime()
  to?: string;
}
