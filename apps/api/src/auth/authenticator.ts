import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import type { Request } from 'express';
import { securityConfig } from '@sg/config';
import { DomainError } from '../common/domain-error';
import { SecondFactorPolicy } from './accounts/second-factor-policy';
import { StaffAccount, StaffAccountReader } from './accounts/staff-account';
import { Principal } from './principal';
import { issuedBeforeCutoff } from './token-cutoff';
import { STAFF_AUDIENCE, SUBJECT_AUDIENCE, Tokens } from './tokens';

/**
 * Works out who is calling from `X-Api-Key` (the platform) or `Authorization: Bearer` (staff or a young person).
 * A staff token is checked against its account at every request: it is honoured only while the account is active,
 * if it was issued after the account's last sign-out-everywhere change, and, for roles that need one, while the
 * account has a second factor.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly tokens: Tokens,
    private readonly accounts: StaffAccountReader,
    private readonly secondFactor: SecondFactorPolicy,
    @Inject(securityConfig.KEY) private readonly security: ConfigType<typeof securityConfig>,
  ) {}

  /** The caller, or undefined when the request carries no credentials at all. */
  async authenticate(request: Request): Promise<Principal | undefined> {
    const apiKey = request.header('x-api-key');
    if (apiKey !== undefined) {
      if (sameSecret(apiKey, this.security.platformApiKey)) return { kind: 'platform' };
      throw new DomainError('AUTH.INVALID_API_KEY', 'The API key is not valid');
    }
    const authorization = request.header('authorization');
    if (authorization === undefined) return undefined;
    const token = /^Bearer ([A-Za-z0-9._-]+)$/.exec(authorization)?.[1];
    if (!token) throw new DomainError('AUTH.INVALID_TOKEN', 'Send the token as: Authorization: Bearer <token>');
    return this.principalForToken(token);
  }

  /** Who an access token (from a Bearer header, or a session cookie) belongs to; a DomainError when nobody. */
  async principalForToken(token: string): Promise<Principal> {
    const claims = await this.tokens.verify(token, [STAFF_AUDIENCE, SUBJECT_AUDIENCE]);
    if (claims.aud === SUBJECT_AUDIENCE) return { kind: 'subject', externalUserId: claims.sub };
    const account = await this.activeAccount(claims.sub, claims.iat);
    if (this.secondFactor.required(account) && !account.mfaEnrolled)
      throw new DomainError('AUTH.MFA_REQUIRED', 'This account needs two-factor sign-in; sign in again to set it up');
    return { kind: 'staff', username: account.username, roles: account.roles };
  }

  /** The account a staff token (of any kind) names, if it is active and the token not older than its cut-off. */
  async activeAccount(username: string, issuedAt: number): Promise<StaffAccount> {
    const account = await this.accounts.find(username);
    if (!account || account.disabled) throw new DomainError('AUTH.ACCOUNT_DISABLED', 'This account is disabled');
    if (issuedBeforeCutoff(issuedAt, account.tokensValidAfter))
      throw new DomainError(
        'AUTH.TOKEN_REVOKED',
        'This token was issued before a change to the account; sign in again',
      );
    return account;
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
