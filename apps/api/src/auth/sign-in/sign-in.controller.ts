import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { Enrolment } from '../mfa/enrolment.service';
import { Public } from '../roles.guard';
import {
  AccessTokenAnswer,
  EnrolmentConfirmDto,
  EnrolmentDoneAnswer,
  EnrolmentDto,
  EnrolmentRequiredAnswer,
  EnrolmentStartAnswer,
  LoginDto,
  MfaRequiredAnswer,
  SecondFactorDto,
  SignInAnswer,
} from './sign-in.dto';
import { SignIn } from './sign-in.service';

const THROTTLED = 'Too many failed attempts for this account or from this address: wait Retry-After seconds';
const BUSY = 'Too many sign-ins at once: try again after Retry-After seconds';

/** Staff sign-in, in up to three steps; the flow is described in docs/accounts.md. */
@ApiTags('auth')
@ApiExtraModels(AccessTokenAnswer, MfaRequiredAnswer, EnrolmentRequiredAnswer)
@Controller('auth')
export class SignInController {
  constructor(
    private readonly signIn: SignIn,
    private readonly enrolment: Enrolment,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({
    description: 'Signed in; or a second factor is needed next; or two-factor sign-in must be set up first',
    schema: {
      oneOf: [AccessTokenAnswer, MfaRequiredAnswer, EnrolmentRequiredAnswer].map((m) => ({ $ref: getSchemaPath(m) })),
    },
  })
  @ApiUnauthorizedResponse({ description: 'AUTH.INVALID_CREDENTIALS: wrong username or password, or disabled' })
  @ApiTooManyRequestsResponse({ description: `AUTH.THROTTLED: ${THROTTLED}` })
  @ApiServiceUnavailableResponse({ description: `AUTH.BUSY: ${BUSY}` })
  login(@Body() body: LoginDto, @Ip() ip: string): Promise<SignInAnswer> {
    return this.signIn.withPassword(body.username, body.password, ip);
  }

  @Post('mfa')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: AccessTokenAnswer })
  @ApiUnauthorizedResponse({
    description: 'AUTH.INVALID_CODE, AUTH.CODE_REUSED (wait for the next code), or AUTH.INVALID_TOKEN (sign in again)',
  })
  @ApiTooManyRequestsResponse({ description: `AUTH.THROTTLED: ${THROTTLED}` })
  secondFactor(@Body() body: SecondFactorDto, @Ip() ip: string): Promise<AccessTokenAnswer> {
    return this.signIn.withCode(body.mfaToken, body.code, ip);
  }

  @Post('mfa/enrol')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: EnrolmentStartAnswer, description: 'A new secret; calling again replaces it' })
  @ApiUnauthorizedResponse({ description: 'AUTH.INVALID_TOKEN: sign in again' })
  @ApiConflictResponse({ description: 'AUTH.MFA_ALREADY_ENROLLED' })
  startEnrolment(@Body() body: EnrolmentDto): Promise<EnrolmentStartAnswer> {
    return this.enrolment.start(body.enrolmentToken);
  }

  @Post('mfa/enrol/confirm')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: EnrolmentDoneAnswer, description: 'Signed in; the recovery codes are shown only now' })
  @ApiUnauthorizedResponse({ description: 'AUTH.INVALID_CODE or AUTH.INVALID_TOKEN' })
  @ApiConflictResponse({ description: 'AUTH.MFA_NOT_STARTED or AUTH.MFA_ALREADY_ENROLLED' })
  confirmEnrolment(@Body() body: EnrolmentConfirmDto): Promise<EnrolmentDoneAnswer> {
    return this.enrolment.confirm(body.enrolmentToken, body.code);
  }
}
