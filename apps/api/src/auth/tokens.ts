import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { securityConfig } from '@sg/config';
import { STAFF_AUDIENCE, SUBJECT_AUDIENCE } from './authenticator';

export interface IssuedToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/** Signed, expiring tokens. A subject token carries only the young person's externalUserId. */
@Injectable()
export class Tokens {
  constructor(
    private readonly jwt: JwtService,
    @Inject(securityConfig.KEY) private readonly security: ConfigType<typeof securityConfig>,
  ) {}

  forStaff(username: string, roles: string[]): Promise<IssuedToken> {
    return this.issue({ sub: username, roles }, STAFF_AUDIENCE, this.security.staffTokenTtlMs);
  }

  forSubject(externalUserId: string): Promise<IssuedToken> {
    return this.issue({ sub: externalUserId }, SUBJECT_AUDIENCE, this.security.subjectTokenTtlMs);
  }

  private async issue(claims: object, audience: string, ttlMs: number): Promise<IssuedToken> {
    const expiresIn = Math.floor(ttlMs / 1000);
    const accessToken = await this.jwt.signAsync(claims, { audience, expiresIn, algorithm: 'HS256' });
    return { accessToken, tokenType: 'Bearer', expiresIn };
  }
}
