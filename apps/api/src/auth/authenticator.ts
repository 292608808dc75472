import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { securityConfig } from '@sg/config';
import { Principal } from './principal';
import { StaffAccounts } from './staff-accounts.service';
import { checkTokenClaims } from './token-claims';

/** Token audiences: a subject token can never pass as a staff token, nor the other way round. */
export const STAFF_AUDIENCE = 'staff';
export const SUBJECT_AUDIENCE = 'subject';

/**
 * Works out who is calling from `X-Api-Key` (the platform) or `Authorization: Bearer` (staff or a young person).
 * A staff token is honoured only while its account is active, so disabling an account takes effect at once.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly jwt: JwtService,
    private readonly staff: StaffAccounts,
    @Inject(securityConfig.KEY) private readonly security: ConfigType<typeof securityConfig>,
  ) {}

  async authenticate(request: Request): Promise<Principal | undefined> {
    const apiKey = request.header('x-api-key');
    if (apiKey !== undefined) {
      if (sameSecret(apiKey, this.security.platformApiKey)) return { kind: 'platform' };
      throw new UnauthorizedException('The API key is not valid');
    }
    const authorization = request.header('authorization');
    if (authorization === undefined) return undefined;
    const token = /^Bearer ([A-Za-z0-9._-]+)$/.exec(authorization)?.[1];
    if (!token) throw new UnauthorizedException('Send the token as: Authorization: Bearer <token>');

    let verified: object;
    try {
      verified = await this.jwt.verifyAsync(token, {
        algorithms: ['HS256'],
        audience: [STAFF_AUDIENCE, SUBJECT_AUDIENCE],
      });
    } catch {
      throw new UnauthorizedException('The token is not valid or has expired; log in again');
    }
    const claims = checkTokenClaims(verified);
    if (claims.aud === SUBJECT_AUDIENCE) return { kind: 'subject', externalUserId: claims.sub };
    const account = await this.staff.findActive(claims.sub);
    if (!account) throw new UnauthorizedException('This account is disabled');
    return { kind: 'staff', username: account.username, roles: account.roles };
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
