import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { OutboxMessageEntity } from '@sg/persistence';
import { Roles } from '../auth/roles.guard';

class OutboxQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() caseId?: string;
}

/** Development mode: what would have gone to the platform, agencies and staff, for officers to read. */
@ApiTags('outbox')
@ApiBearerAuth()
@Controller('outbox')
export class OutboxController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles('officer', 'supervisor')
  @ApiOkResponse({ description: '{items}: newest first, at most 200' })
  async list(@Query() query: OutboxQuery) {
    const rows = await this.dataSource
      .getRepository(OutboxMessageEntity)
      .find({ where: query.caseId ? { caseId: query.caseId } : {}, order: { id: 'DESC' }, take: 200 });
    return {
      items: rows.map((m) => ({
        kind: m.kind,
        caseId: m.caseId,
        recipient: m.recipient,
        payload: m.payload,
        createdAt: m.createdAt.toISOString(),
      })),
    };
  }
}
