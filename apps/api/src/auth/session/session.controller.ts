import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import {
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { securityConfig } from '@sg/config';
import { DomainError } from '../../common/domain-error';
import { Public } from '../roles.guard';
import { ConsoleSessions, staffOnly } from './console-sessions.service';
import {
  clearSessionCookie,
  lacksConsoleHeader,
  SESSION_COOKIE,
  sessionIdOf,
  setSessionCookie,
} from './session-cookie';
import { CreateSessionDto, SessionAnswer } from './session.dto';
import { SessionStore } from './session.store';

const CSRF = 'CSRF: a change made with the session cookie must carry X-Console-Request: 1';

/**
 * The console's cookie session beside Bearer tokens (docs/console.md). These handlers read the cookie themselves,
 * so the guard lets them through; every other endpoint accepts the cookie through the Authenticator.
 */
@ApiTags('auth')
@Controller('auth/session')
export class SessionController {
  constructor(
    private readonly sessions: ConsoleSessions,
    private readonly store: SessionStore,
    @Inject(securityConfig.KEY) private readonly security: ConfigType<typeof securityConfig>,
  ) {}

  @Post()
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: SessionAnswer, description: `Signed in; the answer sets the ${SESSION_COOKIE} cookie` })
  @ApiUnauthorizedResponse({ description: 'The token is not valid, has expired, or its account cannot sign in' })
  @ApiForbiddenResponse({ description: 'AUTH.STAFF_ONLY: a young person token or the platform key' })
  async create(
    @Body() body: CreateSessionDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionAnswer> {
    if (request.header('x-api-key') !== undefined) throw staffOnly();
    const { id, answer } = await this.sessions.start(body.accessToken);
    const previous = sessionIdOf(request);
    if (previous !== undefined) await this.sessions.end(previous);
    setSessionCookie(request, response, id, this.store.maxAgeMs, this.security.development);
    return answer;
  }

  @Get()
  @Public()
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiOkResponse({ type: SessionAnswer })
  @ApiUnauthorizedResponse({ description: 'AUTH.SESSION_ENDED: no session, or it ended (sign in again)' })
  async read(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionAnswer> {
    try {
      return await this.sessions.current(sessionIdOf(request));
    } catch (error) {
      if (error instanceof DomainError && error.code.startsWith('AUTH.'))
        clearSessionCookie(request, response, this.security.development);
      throw error;
    }
  }

  @Delete()
  @HttpCode(204)
  @Public()
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiNoContentResponse({ description: 'Signed out: the session is revoked and the cookie cleared' })
  @ApiForbiddenResponse({ description: CSRF })
  async remove(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const id = sessionIdOf(request);
    if (id === undefined) return;
    if (lacksConsoleHeader(request)) throw new DomainError('CSRF', CSRF);
    await this.sessions.end(id);
    clearSessionCookie(request, response, this.security.development);
  }
}
