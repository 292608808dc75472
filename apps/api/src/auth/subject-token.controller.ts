import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { SubjectTokenLimit } from '../subject/read-limits';
import { Roles } from './roles.guard';
import { IssuedToken, Tokens } from './tokens';

export class SubjectTokenDto {
  @ApiProperty({ description: "The platform's pseudonymous id for the young person" })
  @IsString()
  @Length(1, 200)
  externalUserId!: string;
}

@ApiTags('auth')
@Controller()
export class SubjectTokenController {
  constructor(private readonly tokens: Tokens) {}

  /** The platform asks for a short-lived token for a young person, to read their own sharing history. */
  @Post('subject-tokens')
  @Roles('platform')
  @UseGuards(SubjectTokenLimit)
  @ApiOkResponse({ description: '{accessToken, tokenType, expiresIn}: carries only the externalUserId' })
  subjectToken(@Body() body: SubjectTokenDto): Promise<IssuedToken> {
    return this.tokens.forSubject(body.externalUserId);
  }
}
