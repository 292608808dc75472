import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiProperty,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Actor } from '@sg/workflows/case/case.types';
import { IsString, Length } from 'class-validator';
import { ActingUser } from '../acting-user';
import { Roles } from '../roles.guard';
import { AccessTokenAnswer } from '../sign-in/sign-in.dto';
import { PasswordChange } from './password-change.service';

export class ChangePasswordDto {
  @ApiProperty() @IsString() @Length(1, 200) currentPassword!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @Length(12, 200, { message: 'newPassword must be 12 to 200 characters' })
  newPassword!: string;
}

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class PasswordController {
  constructor(private readonly passwords: PasswordChange) {}

  @Post('password')
  @HttpCode(200)
  @Roles('officer', 'on_call', 'supervisor', 'auditor', 'admin')
  @ApiOkResponse({ type: AccessTokenAnswer, description: 'Changed; every older token of the account has ended' })
  @ApiBadRequestResponse({ description: 'AUTH.PASSWORD_UNCHANGED, or a new password shorter than 12 characters' })
  @ApiForbiddenResponse({ description: 'AUTH.WRONG_PASSWORD: the current password is not right' })
  @ApiTooManyRequestsResponse({ description: 'AUTH.THROTTLED: too many wrong current passwords; wait Retry-After s' })
  change(@ActingUser() actor: Actor, @Body() body: ChangePasswordDto, @Ip() ip: string): Promise<AccessTokenAnswer> {
    return this.passwords.change(actor.username, body.currentPassword, body.newPassword, ip);
  }
}
