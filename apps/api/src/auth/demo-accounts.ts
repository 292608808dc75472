import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { securityConfig } from '@sg/config';
import type { StaffRole } from '@sg/workflows/case/case.types';
import { StaffAccounts } from './staff-accounts.service';

/** SPEC §5's demo accounts. */
export const DEMO_ACCOUNTS: Record<string, StaffRole> = {
  'officer.amy': 'officer',
  'officer.ben': 'officer',
  'oncall.cat': 'on_call',
  'supervisor.dan': 'supervisor',
  'auditor.eve': 'auditor',
  'admin.fay': 'admin',
};

/** In development only (production has no DEMO_PASSWORD), the demo accounts exist with DEMO_PASSWORD. */
@Injectable()
export class DemoAccounts implements OnApplicationBootstrap {
  constructor(
    private readonly staff: StaffAccounts,
    @Inject(securityConfig.KEY) private readonly security: ConfigType<typeof securityConfig>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const password = this.security.demoPassword;
    if (!password) return;
    for (const [username, role] of Object.entries(DEMO_ACCOUNTS))
      await this.staff.ensureDemoAccount(username, [role], password);
    new Logger('auth').warn(
      `Development mode: demo accounts ${Object.keys(DEMO_ACCOUNTS).join(', ')} use DEMO_PASSWORD`,
    );
  }
}
