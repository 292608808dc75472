import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { authConfig, AuthConfig } from '../auth.config';
import { addressGroup } from './address-group';
import { Charge, LoginThrottleStore } from './login-throttle.store';

/** An attempt that was counted; `succeeded` takes the count back once the person is in. */
export interface LoginAttempt {
  succeeded(): Promise<void>;
}

/**
 * Slows password and code guessing without locking anyone out (docs/accounts.md). Every attempt (a password, a
 * second-factor code, a current password when changing it) is counted against its address group and its username
 * before it is checked. A username waits after a few failures, doubling up to a short maximum, after which the right
 * password still gets in. Failures from elsewhere never slow an account down at an address it recently signed in
 * from: there it has a counter of its own, so an attacker cannot keep the on-call out.
 */
@Injectable()
export class LoginThrottle {
  private readonly store: LoginThrottleStore;

  constructor(dataSource: DataSource, @Inject(authConfig.KEY) config: AuthConfig) {
    this.store = new LoginThrottleStore(dataSource, config.throttle);
  }

  async begin(username: string, ip: string | undefined, now = new Date()): Promise<LoginAttempt> {
    const group = addressGroup(ip);
    const addressKey = `addr:${group}`;
    refuseIfWaiting(await this.store.chargeAddress(addressKey, now), 'from this address');
    const known = await this.store.isKnownAddress(username, group, now);
    const userKey = known ? `user:${username}@${group}` : `user:${username}`;
    const userCharge = await this.store.chargeUsername(userKey, now);
    if (userCharge) {
      await this.store.refund(addressKey, now);
      refuseIfWaiting(userCharge, 'for this account');
    }
    return {
      succeeded: async () => {
        const at = new Date();
        await this.store.clear(userKey, at);
        await this.store.refund(addressKey, at);
        await this.store.rememberAddress(username, group, at);
      },
    };
  }
}

function refuseIfWaiting(charge: Charge, where: string): void {
  if (!charge) return;
  const seconds = Math.ceil(charge.waitMs / 1000);
  throw new DomainError('AUTH.THROTTLED', `Too many failed sign-ins ${where}; try again in ${seconds} s`, seconds);
}
