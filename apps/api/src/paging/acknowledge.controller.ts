import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHideProperty,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { IsEmpty, IsOptional } from 'class-validator';
import type { Actor } from '@sg/workflows/case/case.types';
import { ActingUser } from '../auth/acting-user';
import { Roles } from '../auth/roles.guard';
import { caseIdPipe } from '../common/case-id.pipe';
import { AcknowledgeService } from './acknowledge.service';

/**
 * No fields (send {} or nothing): who acknowledges is the caller. The one declared property only gives the
 * validation pipe a shape, so any field sent is refused like everywhere else.
 */
class AcknowledgeDto {
  @ApiHideProperty() @IsOptional() @IsEmpty() readonly none?: never;
}

@ApiTags('lifecycle')
@ApiBearerAuth()
@Controller('cases/:id/acknowledge')
export class AcknowledgeController {
  constructor(private readonly acknowledgements: AcknowledgeService) {}

  /** "I have it": stops re-paging at the level being paged; the deadline and the escalation beyond it stay. */
  @Post()
  @HttpCode(200)
  @Roles('on_call', 'supervisor')
  @ApiOkResponse({ description: '{round, level?, acknowledgedBy, acknowledgedAt}' })
  @ApiForbiddenResponse({ description: "Not one of the review's roles, or the assessor (four eyes)" })
  @ApiConflictResponse({ description: 'No review is waiting' })
  acknowledge(@Param('id', caseIdPipe) id: string, @ActingUser() actor: Actor, @Body() _body: AcknowledgeDto) {
    return this.acknowledgements.acknowledge(id, actor);
  }
}
