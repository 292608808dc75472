import { Injectable, Logger } from '@nestjs/common';
import type { StaffRole } from '@sg/workflows/case/case.types';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { PasswordHasher } from '../password/password-hasher';
import { rowsOf } from '../sql-rows';
import { StaffAuditChain } from '../staff-audit/staff-audit-chain';
import { assertNotOwnAccount, assertRolesSeparated } from './separation-of-duties';
import { StaffAccount, StaffAccountReader } from './staff-account';

/**
 * What admins do to staff accounts. Each change and its staff audit entry commit in one transaction; a request
 * that changes nothing (the state asked for is the state already held) writes nothing and logs nothing.
 */
@Injectable()
export class StaffAdmin {
  private readonly logger = new Logger('staff');

  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: StaffAccountReader,
    private readonly audit: StaffAuditChain,
    private readonly passwords: PasswordHasher,
  ) {}

  async create(actor: string, username: string, roles: StaffRole[], password: string): Promise<StaffRole[]> {
    const distinct = [...new Set(roles)];
    assertRolesSeparated(distinct);
    const passwordHash = await this.passwords.hash(password);
    await this.dataSource.transaction(async (manager) => {
      const inserted = (await manager.query(
        `INSERT INTO staff_accounts (username, roles, password_hash, created_by, created_at)
         VALUES ($1, $2, $3, $4, now()) ON CONFLICT (username) DO NOTHING RETURNING username`,
        [username, distinct, passwordHash, actor],
      )) as unknown[];
      if (!inserted.length) throw new DomainError('STAFF.EXISTS', `An account named ${username} already exists`);
      await this.audit.append(manager, { actor, type: 'staff.created', data: { username, roles: distinct } });
    });
    return distinct;
  }

  /** New roles end every token issued before, so nobody keeps acting under roles they no longer hold. */
  async setRoles(actor: string, username: string, roles: StaffRole[]): Promise<StaffRole[]> {
    this.notOwnAccount(actor, username);
    const distinct = [...new Set(roles)];
    assertRolesSeparated(distinct);
    await this.change(username, async (manager, account) => {
      if (sameSet(account.roles, distinct)) return;
      await manager.query('UPDATE staff_accounts SET roles = $2, tokens_valid_after = $3 WHERE username = $1', [
        username,
        distinct,
        new Date(),
      ]);
      const data = { username, from: account.roles, to: distinct };
      await this.audit.append(manager, { actor, type: 'staff.roles_changed', data });
    });
    return distinct;
  }

  /** Re-enabling ends every token issued before: a token from before the account was disabled stays dead. */
  async setDisabled(actor: string, username: string, disabled: boolean): Promise<void> {
    this.notOwnAccount(actor, username);
    await this.change(username, async (manager, account) => {
      if (account.disabled === disabled) return;
      const now = new Date();
      await manager.query('UPDATE staff_accounts SET disabled_at = $2, tokens_valid_after = $3 WHERE username = $1', [
        username,
        disabled ? now : null,
        now,
      ]);
      await this.audit.append(manager, {
        actor,
        type: disabled ? 'staff.disabled' : 'staff.enabled',
        data: { username },
      });
    });
  }

  /** For a lost phone: the account enrols again at its next sign-in; its tokens and recovery codes end now. */
  async resetSecondFactor(actor: string, username: string): Promise<void> {
    this.notOwnAccount(actor, username);
    await this.change(username, async (manager) => {
      const reset = await rowsOf(
        manager,
        `UPDATE staff_accounts SET totp_secret = NULL, totp_pending_secret = NULL, totp_enrolled_at = NULL,
           totp_last_step = NULL, recovery_code_hashes = '{}', tokens_valid_after = $2
         WHERE username = $1 AND (totp_secret IS NOT NULL OR totp_pending_secret IS NOT NULL
           OR cardinality(recovery_code_hashes) > 0)
         RETURNING username`,
        [username, new Date()],
      );
      if (reset.length) await this.audit.append(manager, { actor, type: 'staff.mfa_reset', data: { username } });
    });
  }

  /** Refused, nothing written; the attempt is worth a warning in the service log (names, no data). */
  private notOwnAccount(actor: string, username: string): void {
    try {
      assertNotOwnAccount(actor, username);
    } catch (error) {
      this.logger.warn(`Refused: admin ${actor} tried to change their own account`);
      throw error;
    }
  }

  private async change(
    username: string,
    apply: (manager: EntityManager, account: StaffAccount) => Promise<void>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const account = await this.accounts.find(username, { manager, lock: true });
      if (!account) throw new DomainError('STAFF.NOT_FOUND', `No account named ${username}`);
      await apply(manager, account);
    });
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}
