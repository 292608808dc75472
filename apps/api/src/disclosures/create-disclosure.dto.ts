import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsIP,
  IsISO8601,
  IsNotEmptyObject,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
// One list of channels: the policy engine's, which judges each of them.
import { CHANNELS, type Channel } from '@sg/policy';
import { IsIsoDateTime } from '../common/is-iso-date-time.validator';
import { IsNotInFuture } from '../common/is-not-in-future.validator';

/** Generous for a disclosure, small enough that one request can never flood the database. */
export const SUMMARY_MAX_LENGTH = 10_000;
const PHONE = /^\+?[0-9 ()-]{3,32}$/;

export class SubjectContactDto {
  @ApiPropertyOptional({ description: 'The platform can message the young person' })
  @IsOptional()
  @IsBoolean()
  platformMessage?: boolean;

  @ApiPropertyOptional({ example: 'sam@example.org' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '+44 7700 900123' })
  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone?: string;
}

export class SubjectDto {
  @ApiProperty({ description: "The platform's pseudonymous id for the young person", example: 'user-8841' })
  @IsString()
  @Length(1, 200)
  externalUserId!: string;

  @ApiPropertyOptional({ description: 'Age in whole years, if known', minimum: 0, maximum: 120 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  age?: number;

  @ApiPropertyOptional({ type: SubjectContactDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SubjectContactDto)
  contact?: SubjectContactDto;
}

export class IdentifyingDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ example: '2010-04-01' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dateOfBirth must be a date (YYYY-MM-DD)' })
  dateOfBirth?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 500)
  address?: string;

  @ApiPropertyOptional({ description: 'Where they are now, as they described it' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  location?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsIP()
  ipAddress?: string;
}

export class CreateDisclosureDto {
  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS, { message: `channel must be one of: ${CHANNELS.join(', ')}` })
  channel!: Channel;

  @ApiProperty({ description: 'When the disclosure was made (ISO-8601 date-time)', example: '2026-11-21T09:30:00Z' })
  @IsIsoDateTime()
  @IsNotInFuture()
  occurredAt!: string;

  @ApiProperty({
    maxLength: SUMMARY_MAX_LENGTH,
    description: 'What was disclosed, in the words of the person who heard it',
  })
  @IsString()
  @Length(1, SUMMARY_MAX_LENGTH)
  summary!: string;

  @ApiProperty({ type: SubjectDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SubjectDto)
  subject!: SubjectDto;

  @ApiPropertyOptional({ type: IdentifyingDto })
  @IsOptional()
  @IsObject()
  @IsNotEmptyObject({ nullable: false }, { message: 'identifying must have at least one detail, or be left out' })
  @ValidateNested()
  @Type(() => IdentifyingDto)
  identifying?: IdentifyingDto;
}
