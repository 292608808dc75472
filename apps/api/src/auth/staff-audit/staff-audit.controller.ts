import { Controller, Get, Query } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { Roles } from '../roles.guard';
import { STAFF_CHAIN_ID } from './staff-audit-entry';
import { StaffAuditReader } from './staff-audit.service';

const DEFAULT_LIMIT = 500;

export class StaffAuditQuery {
  @ApiPropertyOptional({ description: 'Entries after this seq (default 0: from the first)', example: '0' })
  @IsOptional()
  @Matches(/^\d{1,9}$/, { message: 'afterSeq must be a whole number' })
  afterSeq?: string;

  @ApiPropertyOptional({ description: 'At most this many entries, 1 to 1000 (default 500)', example: '500' })
  @IsOptional()
  @Matches(/^(1000|[1-9]\d{0,2})$/, { message: 'limit must be a whole number from 1 to 1000' })
  limit?: string;
}

class StaffChainVerdictDto {
  @ApiProperty() valid!: boolean;
  @ApiProperty() entries!: number;
  @ApiProperty() headHash!: string;
  @ApiPropertyOptional() firstInvalidSeq?: number;
  @ApiPropertyOptional() reason?: string;
}

/** Auditors read and verify the staff audit chain: every change to a staff account, hash-chained and signed. */
@ApiTags('staff audit')
@Controller('staff/audit')
export class StaffAuditController {
  constructor(private readonly reader: StaffAuditReader) {}

  @Get()
  @Roles('auditor')
  @ApiOkResponse({
    description:
      '{chainId: "staff-accounts", entries: [{seq, at, actor, type, data, prevHash, hash, keyId, signature}], nextAfterSeq?}',
  })
  @ApiForbiddenResponse({ description: 'Not an auditor' })
  async list(@Query() query: StaffAuditQuery) {
    const limit = Number(query.limit ?? DEFAULT_LIMIT);
    const entries = await this.reader.page(Number(query.afterSeq ?? 0), limit);
    const more = entries.length === limit ? { nextAfterSeq: entries[entries.length - 1].seq } : {};
    return { chainId: STAFF_CHAIN_ID, entries, ...more };
  }

  @Get('verify')
  @Roles('auditor')
  @ApiOkResponse({ type: StaffChainVerdictDto })
  @ApiForbiddenResponse({ description: 'Not an auditor' })
  verify() {
    return this.reader.verify();
  }
}
