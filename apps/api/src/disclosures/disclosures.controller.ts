import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiSecurity,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal } from '../auth/acting-user';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.guard';
import { badRequest } from '../common/field-errors';
import { ApiMetrics } from '../observability/api-metrics';
import { CreateDisclosureDto } from './create-disclosure.dto';
import { IntakeService } from './intake.service';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

@ApiTags('disclosures')
@ApiSecurity('platform')
@ApiBearerAuth()
@Controller('disclosures')
export class DisclosuresController {
  constructor(
    private readonly intake: IntakeService,
    private readonly metrics: ApiMetrics,
  ) {}

  @Post()
  @Roles('platform', 'officer')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retries with the same key return the same case (1-200 visible ASCII characters)',
  })
  @ApiCreatedResponse({ description: 'The case was opened: {caseId, status}' })
  @ApiOkResponse({ description: 'A repeat of an earlier request with the same Idempotency-Key: the same case' })
  @ApiBadRequestResponse({
    description: 'The disclosure is not valid; the offending fields are named and nothing is stored',
  })
  @ApiUnprocessableEntityResponse({ description: 'The Idempotency-Key was already used for a different disclosure' })
  async submit(
    @Body() disclosure: CreateDisclosureDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
    @CurrentPrincipal() caller: Principal,
  ): Promise<{ caseId: string; status: string }> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw badRequest([
        { field: 'Idempotency-Key', message: 'Idempotency-Key must be 1-200 visible ASCII characters' },
      ]);
    }
    const submittedBy = caller.kind === 'staff' ? caller.username : 'platform';
    const result = await this.intake.submit(disclosure, idempotencyKey, submittedBy);
    this.metrics.countIntake(result.created, disclosure.channel);
    response.status(result.created ? 201 : 200);
    return { caseId: result.caseId, status: result.status };
  }
}
