import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { securityConfig } from '@sg/config';
import { secondFactorRequired } from './second-factor-rule';
import type { StaffAccount } from './staff-account';

/** The second-factor rule with this process's configuration: demo accounts are exempt only in development. */
@Injectable()
export class SecondFactorPolicy {
  constructor(@Inject(securityConfig.KEY) private readonly security: ConfigType<typeof securityConfig>) {}

  required(account: Pick<StaffAccount, 'roles' | 'createdBy'>): boolean {
    return secondFactorRequired(account, this.security.demoPassword !== undefined);
  }
}
