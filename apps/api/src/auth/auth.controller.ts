import {
  Body,
  Controller,
  HttpCode,
  Param,
  Patch,
  Post,
  Get,
  UnauthorizedException,
  UseGuards,
  HttpStatus,
} from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Actor } from '@sg/workflows/case/case.types';
import { ActingUser } from './acting-user';
import { CreateStaffDto, LoginDto, SubjectTokenDto, UpdateStaffDto } from './auth.dto';
import { LoginThrottler } from './login-throttler.guard';
import { SubjectTokenLimit } from '../subject/read-limits';
import { Public, Roles } from './roles.guard';
import { StaffAccounts } from './staff-accounts.service';
import { IssuedToken, Tokens } from './tokens';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly staff: StaffAccounts,
    private readonly tokens: Tokens,
  ) {}

  @Post('auth/login')
  @HttpCode(200)
  @Public()
  @UseGuards(LoginThrottler)
  @ApiOkResponse({ description: '{accessToken, tokenType, expiresIn}' })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password, or a disabled account (never which)' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts for this username from this address; wait a minute' })
  async login(@Body() body: LoginDto): Promise<IssuedToken> {
    const account = await this.staff.verifyLogin(body.username, body.password);
    if (!account) throw new UnauthorizedException('Wrong username or password');
    return this.tokens.forStaff(account.username, account.roles);
  }

  /** The platform asks for a short-lived token for a young person, to read their own sharing history. */
  @Post('subject-tokens')
  @Roles('platform')
  @UseGuards(SubjectTokenLimit)
  @ApiOkResponse({ description: '{accessToken, tokenType, expiresIn}: carries only the externalUserId' })
  subjectToken(@Body() body: SubjectTokenDto): Promise<IssuedToken> {
    return this.tokens.forSubject(body.externalUserId);
  }

  @Get('staff')
  @Roles('admin')
  listStaff() {
    return this.staff.list().then((items) => ({ items }));
  }

  @Post('staff')
  @Roles('admin')
  async createStaff(@ActingUser() admin: Actor, @Body() body: CreateStaffDto) {
    await this.staff.create(body.username, body.roles, body.password, admin.username);
    return { username: body.username, roles: [...new Set(body.roles)], disabled: false };
  }

  /** Disabling takes effect at the account's next request: tokens are checked against the account every time. */
  @Patch('staff/:username')
  @HttpCode(HttpStatus.OK)
  @Roles('admin')
  async updateStaff(@Param('username') username: string, @Body() body: UpdateStaffDto) {
    await this.staff.setDisabled(username, body.disabled);
    return { username, disabled: body.disabled };
  }
}
