import { Injectable } from '@nestjs/common';
import * as argon2 from '@node-rs/argon2';
import { DataSource, IsNull } from 'typeorm';
import { StaffAccountEntity } from '@sg/persistence';
import type { StaffRole } from '@sg/workflows/case/case.types';
import { DomainError } from '../common/domain-error';

export interface ActiveAccount {
  username: string;
  roles: StaffRole[];
}

// Verified against when the username does not exist, so a login takes as long either way.
const NO_SUCH_USER_HASH = argon2.hash('no such user');

/** Staff accounts: argon2id passwords; disabled, never deleted, since the case log names them. */
@Injectable()
export class StaffAccounts {
  constructor(private readonly dataSource: DataSource) {}

  private get repository() {
    return this.dataSource.getRepository(StaffAccountEntity);
  }

  async findActive(username: string): Promise<ActiveAccount | undefined> {
    const found = await this.repository.findOne({ where: { username, disabledAt: IsNull() } });
    return found ? { username: found.username, roles: found.roles as StaffRole[] } : undefined;
  }

  /** The account when the password is right and the account active; otherwise undefined (never which of the two). */
  async verifyLogin(username: string, password: string): Promise<ActiveAccount | undefined> {
    const found = await this.repository.findOne({ where: { username } });
    const valid = await argon2.verify(found?.passwordHash ?? (await NO_SUCH_USER_HASH), password);
    return valid && found && !found.disabledAt
      ? { username: found.username, roles: found.roles as StaffRole[] }
      : undefined;
  }

  async create(username: string, roles: StaffRole[], password: string, createdBy: string): Promise<void> {
    const inserted = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(StaffAccountEntity)
      .values({
        username,
        roles: [...new Set(roles)],
        passwordHash: await argon2.hash(password),
        createdBy,
        createdAt: new Date(),
      })
      .orIgnore()
      .returning(['username'])
      .execute();
    if (!inserted.raw.length) throw new DomainError('STAFF.EXISTS', `An account named ${username} already exists`);
  }

  /** Development only: the demo accounts of SPEC §5, with the current DEMO_PASSWORD. */
  async ensureDemoAccount(username: string, roles: StaffRole[], password: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO staff_accounts (username, roles, password_hash, created_by) VALUES ($1, $2, $3, 'demo')
       ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash WHERE staff_accounts.created_by = 'demo'`,
      [username, roles, await argon2.hash(password)],
    );
  }

  async setDisabled(username: string, disabled: boolean): Promise<void> {
    const result = await this.repository.update({ username }, { disabledAt: disabled ? new Date() : null });
    if (!result.affected) throw new DomainError('STAFF.NOT_FOUND', `No account named ${username}`);
  }

  async list() {
    const rows = await this.repository.find({ order: { username: 'ASC' } });
    return rows.map((r) => ({
      username: r.username,
      roles: r.roles,
      disabled: r.disabledAt !== null,
      createdAt: r.createdAt.toISOString(),
    }));
  }
}
