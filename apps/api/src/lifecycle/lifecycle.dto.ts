import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmptyObject,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { AGENCIES, INDICATOR_CODES, LEVELS } from '@sg/policy';
import {
  INVOLVEMENT_OUTCOMES,
  REFERRAL_METHODS,
  RELEASE_DECISIONS,
  REVIEW_DECISIONS,
  SHAREABLE_FIELDS,
} from '@sg/workflows/case/case-vocabulary';
import { IsIsoDateTime } from '../common/is-iso-date-time.validator';

const NOTE = 5000;

export class AssessmentDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 120, description: 'Whole years; omit when unknown (treated as a minor)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  age?: number;

  @ApiProperty() @IsBoolean() adultAtRisk!: boolean;

  @ApiProperty({ enum: INDICATOR_CODES, isArray: true })
  @IsArray()
  @ArrayMaxSize(INDICATOR_CODES.length)
  @IsIn(INDICATOR_CODES, { each: true, message: `each indicator must be one of: ${INDICATOR_CODES.join(', ')}` })
  indicators!: string[];

  @ApiProperty({ description: 'The person said "I\'m safe"' }) @IsBoolean() declaredSafe!: boolean;
  @ApiProperty() @IsBoolean() informationComplete!: boolean;
  @ApiProperty() @IsBoolean() hasSocialWorker!: boolean;
  @ApiProperty({ maxLength: NOTE }) @IsString() @Length(0, NOTE) notes!: string;
}

export class DeferNotificationDto {
  @ApiProperty() @IsString() @Length(1, NOTE) reason!: string;
  @ApiProperty({ description: 'When a supervisor must look at it again (ISO-8601)' })
  @IsIsoDateTime()
  reviewAt!: string;
}

export class ReviewDto {
  @ApiProperty({ enum: REVIEW_DECISIONS })
  @IsIn(REVIEW_DECISIONS)
  decision!: (typeof REVIEW_DECISIONS)[number];

  @ApiPropertyOptional({ enum: LEVELS }) @IsOptional() @IsIn(LEVELS) level?: (typeof LEVELS)[number];

  @ApiPropertyOptional({ enum: AGENCIES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(AGENCIES.length)
  @IsIn(AGENCIES, { each: true })
  agencies?: (typeof AGENCIES)[number][];

  @ApiPropertyOptional({ description: 'Required for OVERRIDE, REQUEST_MORE_INFO and any decision not to refer' })
  @IsOptional()
  @IsString()
  @Length(1, NOTE)
  reason?: string;

  @ApiPropertyOptional({ type: DeferNotificationDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DeferNotificationDto)
  deferNotification?: DeferNotificationDto;
}

export class InvolvementDto {
  @ApiProperty({ enum: INVOLVEMENT_OUTCOMES })
  @IsIn(INVOLVEMENT_OUTCOMES)
  outcome!: (typeof INVOLVEMENT_OUTCOMES)[number];

  @ApiPropertyOptional({ enum: SHAREABLE_FIELDS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SHAREABLE_FIELDS.length)
  @IsIn(SHAREABLE_FIELDS, { each: true })
  agreedFields?: string[];

  @ApiProperty() @IsString() @Length(0, NOTE) note!: string;
}

/** SPEC §3.5: exactly the fields that may be shared; anything else is refused by the validation pipe. */
export class SharedDataDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 32) dateOfBirth?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 40) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 254) email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 500) address?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 500) location?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) ipAddress?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) concernSummary?: string;
}

export class ReferralDto {
  @ApiProperty({ enum: AGENCIES }) @IsIn(AGENCIES) agency!: (typeof AGENCIES)[number];
  @ApiProperty({ enum: REFERRAL_METHODS }) @IsIn(REFERRAL_METHODS) method!: (typeof REFERRAL_METHODS)[number];

  @ApiProperty({ type: SharedDataDto, description: `Only ${SHAREABLE_FIELDS.join(', ')}` })
  @IsObject()
  @IsNotEmptyObject({ nullable: false }, { message: 'sharedData must name at least one field shared' })
  @ValidateNested()
  @Type(() => SharedDataDto)
  sharedData!: SharedDataDto;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) agencyReference?: string;

  @ApiPropertyOptional({ description: 'Group-chat emergencies: the young person was removed from the room' })
  @IsOptional()
  @IsBoolean()
  removedFromRoom?: boolean;
}

export class CheckInDto {
  @ApiProperty() @IsString() @Length(1, NOTE) note!: string;
}

export class FeedbackDto {
  @ApiProperty({ enum: AGENCIES }) @IsIn(AGENCIES) agency!: (typeof AGENCIES)[number];
  @ApiProperty() @IsString() @Length(1, NOTE) feedback!: string;
}

export class NotificationReleaseDto {
  @ApiProperty({ enum: RELEASE_DECISIONS }) @IsIn(RELEASE_DECISIONS) decision!: (typeof RELEASE_DECISIONS)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, NOTE) reason?: string;
  @ApiPropertyOptional() @IsOptional() @IsIsoDateTime() reviewAt?: string;
}
