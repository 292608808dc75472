import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import type { Request } from 'express';
import { securityConfig } from '@sg/config';
import { DomainError } from '../common/domain-error';
import { SecondFactorPolicy } from './accounts/second-factor-policy';
import { StaffAccount, StaffAccountReader } from './accounts/staff-account';
import { Principal } from './principal';
import { lacksConsoleHeader, sessionIdOf } from './session/session-cookie';
import { SessionStore } from './session/session.store';
import { issuedBeforeCutoff } from './token-cutoff';
import { STAFF_AUDIENCE, SUBJECT_AUDIENCE, Tokens } from './tokens';

const USE = { useSession: true };

/**
 * Works out who is calling from `X-Api-Key` (the platform), `Authorization: Bearer` (staff or a young person) or,
 * for the console, the `sg_session` cookie (staff only; docs/console.md).
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
    private readonly sessions: SessionStore,
    @Inject(securityConfig.KEY) private readonly security: ConfigType<typeof securityConfig>,
  ) {}

  /** The caller, or undefined when the request carries no credentials at all. */
  async authenticate(request: Request, options: { useSession: boolean } = USE): Promise<Principal | undefined> {
    const apiKey = request.header('x-api-key');
    if (apiKey !== undefined) {
      if (sameSecret(apiKey, this.security.platformApiKey)) return { kind: 'platform' };
      throw new DomainError('AUTH.INVALID_API_KEY', 'The API key is not valid');
    }
    const authorization = request.header('authorization');
    if (authorization === undefined) return this.principalForCookie(request, options);
    const token = /^Bearer ([A-Za-z0-9._-]+)$/.exec(authorization)?.[1];
    if (!token) throw new DomainError('AUTH.INVALID_TOKEN', 'Send the token as: Authorization: Bearer <token>');
    return this.principalForToken(token);
  }

  /** Who an access token belongs to; a DomainError when nobody. */
  async principalForToken(token: string): Promise<Principal> {
    const claims = await this.tokens.verify(token, [STAFF_AUDIENCE, SUBJECT_AUDIENCE]);
    if (claims.aud === SUBJECT_AUDIENCE) return { kind: 'subject', externalUserId: claims.sub };
    return this.staffPrincipal(claims.sub, claims.iat);
  }

  /**
   * The staff member of a console session cookie, checked like a token (account, cut-off, second factor, roles
   * read now). `useSession: false` checks without counting it as a use, so the idle timeout does not slide.
   */
  async principalForCookie(request: Request, options: { useSession: boolean } = USE): Promise<Principal | undefined> {
    const id = sessionIdOf(request);
    if (id === undefined) return undefined;
    if (lacksConsoleHeader(request))
      throw new DomainError(
        'CSRF',
        'A change made with the console session must carry the header X-Console-Request: 1',
      );
    const session = await (options.useSession ? this.sessions.use(id) : this.sessions.peek(id));
    if (!session) throw new DomainError('AUTH.SESSION_ENDED', 'The session has ended; sign in again');
    return this.staffPrincipal(session.username, session.issuedAt);
  }

  /** A staff member signed in at `issuedAt` (seconds), as long as the account still allows it. */
  async staffPrincipal(username: string, issuedAt: number): Promise<Principal & { kind: 'staff' }> {
    const account = await this.activeAccount(username, issuedAt);
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
