import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { StaffAccountReader } from '../accounts/staff-account';
import { StaffAuditChain } from '../staff-audit/staff-audit-chain';
import { LoginThrottle } from '../throttle/login-throttle';
import { IssuedToken, Tokens } from '../tokens';
import { PasswordHasher } from './password-hasher';

/**
 * A staff member changes their own password, proving the current one (throttled like a sign-in, so a borrowed
 * session cannot guess it). Every token issued before ends; the answer is a fresh one for this session.
 */
@Injectable()
export class PasswordChange {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: StaffAccountReader,
    private readonly passwords: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly audit: StaffAuditChain,
    private readonly tokens: Tokens,
  ) {}

  async change(username: string, current: string, next: string, ip: string | undefined): Promise<IssuedToken> {
    if (current === next) throw new DomainError('AUTH.PASSWORD_UNCHANGED', 'The new password is the current one');
    const { attempt, newHash } = await this.passwords.checking(async () => {
      const attempt = await this.throttle.begin(username, ip);
      if (!(await this.passwords.matches(await this.accounts.passwordHash(username), current)))
        throw new DomainError('AUTH.WRONG_PASSWORD', 'The current password is not right');
      return { attempt, newHash: await this.passwords.hashInSlot(next) };
    });
    await attempt.succeeded();
    const account = await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE staff_accounts SET password_hash = $2, tokens_valid_after = $3 WHERE username = $1', [
        username,
        newHash,
        new Date(),
      ]);
      await this.audit.append(manager, { actor: username, type: 'staff.password_changed', data: { username } });
      return this.accounts.find(username, { manager });
    });
    return this.tokens.forStaff(account!);
  }
}
