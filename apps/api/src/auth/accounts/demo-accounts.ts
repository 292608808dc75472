import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import * as argon2 from '@node-rs/argon2';
import { securityConfig } from '@sg/config';
import type { StaffRole } from '@sg/workflows/case/case.types';
import { DataSource } from 'typeorm';
import { StaffAuditChain } from '../staff-audit/staff-audit-chain';

/** SPEC §5's demo accounts. */
export const DEMO_ACCOUNTS: Record<string, StaffRole> = {
  'officer.amy': 'officer',
  'officer.ben': 'officer',
  'oncall.cat': 'on_call',
  'supervisor.dan': 'supervisor',
  'auditor.eve': 'auditor',
  'admin.fay': 'admin',
};

/** Who the staff audit chain names for changes the service makes itself. */
export const SYSTEM_ACTOR = 'system';

/**
 * In development only (production has no DEMO_PASSWORD), the demo accounts exist with DEMO_PASSWORD. Creating one,
 * or changing its password to follow DEMO_PASSWORD, is an account change like any other: it goes in the staff
 * audit chain.
 */
@Injectable()
export class DemoAccounts implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: StaffAuditChain,
    @Inject(securityConfig.KEY) private readonly security: ConfigType<typeof securityConfig>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const password = this.security.demoPassword;
    if (!password) return;
    for (const [username, role] of Object.entries(DEMO_ACCOUNTS)) await this.ensure(username, [role], password);
    new Logger('auth').warn(
      `Development mode: demo accounts ${Object.keys(DEMO_ACCOUNTS).join(', ')} use DEMO_PASSWORD`,
    );
  }

  private async ensure(username: string, roles: StaffRole[], password: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const inserted = (await manager.query(
        `INSERT INTO staff_accounts (username, roles, password_hash, created_by, created_at)
         VALUES ($1, $2, $3, 'demo', now()) ON CONFLICT (username) DO NOTHING RETURNING username`,
        [username, roles, await argon2.hash(password)],
      )) as unknown[];
      if (inserted.length) {
        const data = { username, roles, demo: true };
        return this.audit.append(manager, { actor: SYSTEM_ACTOR, type: 'staff.created', data });
      }
      const [row] = (await manager.query(
        `SELECT password_hash FROM staff_accounts WHERE username = $1 AND created_by = 'demo' FOR UPDATE`,
        [username],
      )) as { password_hash: string }[];
      if (!row || (await argon2.verify(row.password_hash, password))) return;
      await manager.query('UPDATE staff_accounts SET password_hash = $2, tokens_valid_after = $3 WHERE username = $1', [
        username,
        await argon2.hash(password),
        new Date(),
      ]);
      await this.audit.append(manager, { actor: SYSTEM_ACTOR, type: 'staff.password_changed', data: { username } });
    });
  }
}
