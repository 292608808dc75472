import { CanActivate, ExecutionContext, HttpException, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import type { Request, Response } from 'express';
import { securityConfig } from '@sg/config';
import { AuthenticatedRequest, PRINCIPAL } from '../auth/principal';
import { PerMinuteLimit } from './per-minute-limit';

/**
 * Whoever holds the platform key can mint a token for any young person and read what was shared about them:
 * the limits below slow a bulk read to a trickle, and every mint is logged. Counters are per API process.
 */
abstract class ReadLimit implements CanActivate {
  protected abstract readonly limit: PerMinuteLimit;
  protected abstract keyOf(request: Request & AuthenticatedRequest): string;

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const retryAfter = await this.limit.take(this.keyOf(request));
    if (retryAfter === undefined) return true;
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    throw new HttpException(
      { message: `Too many requests; try again in ${retryAfter} s`, code: 'RATE_LIMITED' },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/** POST /subject-tokens: at most SUBJECT_TOKENS_PER_MINUTE for the platform as a whole. */
@Injectable()
export class SubjectTokenLimit extends ReadLimit {
  protected readonly limit: PerMinuteLimit;
  private readonly logger = new Logger('subject-tokens');

  constructor(@Inject(securityConfig.KEY) security: ConfigType<typeof securityConfig>) {
    super();
    this.limit = new PerMinuteLimit(security.subjectTokensPerMinute);
  }

  protected keyOf(): string {
    this.logger.log('The platform asked for a subject token'); // never whose: the id is personal data
    return 'platform';
  }
}

/** GET /me/sharing-history: at most SHARING_HISTORY_READS_PER_MINUTE per young person. */
@Injectable()
export class SharingHistoryLimit extends ReadLimit {
  protected readonly limit: PerMinuteLimit;

  constructor(@Inject(securityConfig.KEY) security: ConfigType<typeof securityConfig>) {
    super();
    this.limit = new PerMinuteLimit(security.sharingHistoryReadsPerMinute);
  }

  protected keyOf(request: AuthenticatedRequest): string {
    const principal = request[PRINCIPAL];
    return principal?.kind === 'subject' ? principal.externalUserId : 'unknown';
  }
}
