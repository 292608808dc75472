import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
import { Authenticator } from '../authenticator';
import { SecondFactorPolicy } from '../accounts/second-factor-policy';
import { StaffAccount, StaffAccountReader } from '../accounts/staff-account';
import { SecondFactor } from '../mfa/second-factor';
import { PasswordHasher } from '../password/password-hasher';
import { LoginThrottle } from '../throttle/login-throttle';
import { IssuedToken, MFA_STEP_AUDIENCE, Tokens } from '../tokens';
import type { SignInAnswer } from './sign-in.dto';

const WRONG_PASSWORD = () =>
  new DomainError('AUTH.INVALID_CREDENTIALS', 'Wrong username or password, or the account is disabled');

/**
 * Staff sign-in: a password, then (for roles that need one) a second factor. Both steps are throttled together:
 * an account waiting for its code keeps its password attempt counted until the code is right, so knowing the
 * password buys no extra code guesses.
 */
@Injectable()
export class SignIn {
  constructor(
    private readonly accounts: StaffAccountReader,
    private readonly passwords: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly policy: SecondFactorPolicy,
    private readonly secondFactor: SecondFactor,
    private readonly authenticator: Authenticator,
    private readonly tokens: Tokens,
  ) {}

  async withPassword(username: string, password: string, ip: string | undefined): Promise<SignInAnswer> {
    const { account, attempt } = await this.passwords.checking(async () => {
      const attempt = await this.throttle.begin(username, ip);
      const valid = await this.passwords.matches(await this.accounts.passwordHash(username), password);
      const account = valid ? await this.accounts.find(username) : undefined;
      if (!account || account.disabled) throw WRONG_PASSWORD();
      return { account, attempt };
    });
    if (!this.policy.required(account)) {
      await attempt.succeeded();
      return this.tokens.forStaff(account);
    }
    if (account.mfaEnrolled) return { mfaRequired: true, ...(await this.tokens.forSecondFactor(account)) };
    await attempt.succeeded(); // nothing to guess yet: enrolment sets up a secret the person then proves they hold
    return { mfaEnrolmentRequired: true, ...(await this.tokens.forEnrolment(account)) };
  }

  async withCode(mfaToken: string, code: string, ip: string | undefined): Promise<IssuedToken> {
    const account = await this.stepAccount(mfaToken);
    const attempt = await this.throttle.begin(account.username, ip);
    await this.secondFactor.check(account.username, code);
    await attempt.succeeded();
    return this.tokens.forStaff(account);
  }

  private async stepAccount(mfaToken: string): Promise<StaffAccount> {
    const claims = await this.tokens.verify(mfaToken, [MFA_STEP_AUDIENCE]);
    return this.authenticator.activeAccount(claims.sub, claims.iat);
  }
}
