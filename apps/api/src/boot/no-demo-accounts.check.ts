import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { ConfigurationError, securityConfig } from '@sg/config';

/** How the development seed marks the demo accounts it creates (StaffAccounts.ensureDemoAccount). */
const DEMO_CREATOR = 'demo';

/**
 * Outside development, refuses to start while a demo account is active: after a development run on the same
 * database, `admin.fay` would otherwise still sign in with the published password.
 */
@Injectable()
export class NoDemoAccountsCheck implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(securityConfig.KEY) private readonly security: ConfigType<typeof securityConfig>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.security.development) return;
    const active: { username: string }[] = await this.dataSource.query(
      `SELECT username FROM staff_accounts WHERE created_by = $1 AND disabled_at IS NULL ORDER BY username`,
      [DEMO_CREATOR],
    );
    if (active.length === 0) return;
    throw new ConfigurationError([
      `active demo accounts (${active.map((a) => a.username).join(', ')}) use the published password. ` +
        `As the database owner: UPDATE staff_accounts SET disabled_at = now() WHERE created_by = '${DEMO_CREATOR}';`,
    ]);
  }
}
