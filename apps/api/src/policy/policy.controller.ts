import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { evaluatePolicy, PolicyCalendar, policyCalendarFromEnv, PolicyOutput, validatePolicyInput } from '@sg/policy';
import { Roles } from '../auth/roles.guard';
import { badRequest } from '../common/field-errors';

/** A dry run of the confidentiality policy for staff training: nothing is stored. */
@ApiTags('policy')
@ApiBearerAuth()
@Controller('policy')
export class PolicyController {
  private readonly calendar: PolicyCalendar = policyCalendarFromEnv(process.env);

  @Post('evaluate')
  @HttpCode(200)
  @Roles('officer', 'on_call', 'supervisor', 'auditor')
  @ApiBody({
    description:
      '{occurredAt, channel, age?, adultAtRisk, indicators[], declaredSafe, informationComplete, hasSocialWorker}',
  })
  @ApiOkResponse({ description: '{policyVersion, level, agencies, actions, flags, rules, signposting}' })
  @ApiBadRequestResponse({ description: 'Out-of-range or unknown input, each problem named' })
  evaluate(@Body() body: unknown): PolicyOutput {
    const checked = validatePolicyInput(body);
    if (!checked.ok) throw badRequest(checked.errors);
    return evaluatePolicy(checked.value, this.calendar);
  }
}
