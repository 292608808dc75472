import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { securityConfig } from '@sg/config';
import { DomainError } from '../common/domain-error';
import type { StaffAccount } from './accounts/staff-account';
import { issuedAtFor } from './token-cutoff';

/**
 * Token audiences. Each kind of token is good for one thing only: a subject token never passes as a staff token,
 * and the short-lived sign-in step tokens (second factor, enrolment) never pass as either.
 */
export const STAFF_AUDIENCE = 'staff';
export const SUBJECT_AUDIENCE = 'subject';
export const MFA_STEP_AUDIENCE = 'staff-mfa';
export const ENROLMENT_AUDIENCE = 'staff-enrol';
type Audience = typeof STAFF_AUDIENCE | typeof SUBJECT_AUDIENCE | typeof MFA_STEP_AUDIENCE | typeof ENROLMENT_AUDIENCE;

const MFA_STEP_TTL_MS = 5 * 60_000;
const ENROLMENT_TTL_MS = 10 * 60_000;

export interface IssuedToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

export interface VerifiedClaims {
  sub: string;
  aud: Audience;
  /** seconds since the epoch */
  iat: number;
}

/** Signed, expiring tokens (HS256): issued here, verified here. */
@Injectable()
export class Tokens {
  constructor(
    private readonly jwt: JwtService,
    @Inject(securityConfig.KEY) private readonly security: ConfigType<typeof securityConfig>,
  ) {}

  async forStaff(account: StaffAccount): Promise<IssuedToken> {
    const ttlMs = this.security.staffTokenTtlMs;
    const accessToken = await this.issue(account, { roles: account.roles }, STAFF_AUDIENCE, ttlMs);
    return { accessToken, tokenType: 'Bearer', expiresIn: Math.floor(ttlMs / 1000) };
  }

  async forSubject(externalUserId: string): Promise<IssuedToken> {
    const ttlMs = this.security.subjectTokenTtlMs;
    const accessToken = await this.issue(
      { username: externalUserId, tokensValidAfter: null },
      {},
      SUBJECT_AUDIENCE,
      ttlMs,
    );
    return { accessToken, tokenType: 'Bearer', expiresIn: Math.floor(ttlMs / 1000) };
  }

  async forSecondFactor(account: StaffAccount) {
    return {
      mfaToken: await this.issue(account, {}, MFA_STEP_AUDIENCE, MFA_STEP_TTL_MS),
      expiresIn: MFA_STEP_TTL_MS / 1000,
    };
  }

  async forEnrolment(account: StaffAccount) {
    const enrolmentToken = await this.issue(account, {}, ENROLMENT_AUDIENCE, ENROLMENT_TTL_MS);
    return { enrolmentToken, expiresIn: ENROLMENT_TTL_MS / 1000 };
  }

  /** The claims of a genuine, unexpired token for one of `audiences`; AUTH.INVALID_TOKEN otherwise. */
  async verify(token: string, audiences: [Audience, ...Audience[]]): Promise<VerifiedClaims> {
    let claims: Partial<Record<'sub' | 'aud' | 'iat' | 'exp', unknown>>;
    try {
      claims = await this.jwt.verifyAsync(token, { algorithms: ['HS256'], audience: audiences });
    } catch {
      throw new DomainError('AUTH.INVALID_TOKEN', 'The token is not valid or has expired; sign in again');
    }
    const { sub, aud, iat, exp } = claims;
    if (
      typeof sub !== 'string' ||
      !sub ||
      typeof aud !== 'string' ||
      typeof iat !== 'number' ||
      typeof exp !== 'number'
    )
      throw new DomainError('AUTH.INVALID_TOKEN', 'The token is not valid; sign in again');
    return { sub, aud: aud as Audience, iat };
  }

  /** Dated no earlier than the account's cut-off (token-cutoff.ts). */
  private issue(
    account: Pick<StaffAccount, 'username' | 'tokensValidAfter'>,
    claims: object,
    audience: Audience,
    ttlMs: number,
  ): Promise<string> {
    const payload = { ...claims, sub: account.username, iat: issuedAtFor(account.tokensValidAfter) };
    return this.jwt.signAsync(payload, { audience, expiresIn: Math.floor(ttlMs / 1000), algorithm: 'HS256' });
  }
}
