import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { securityConfig } from '@sg/config';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { authConfig, AuthConfig } from '../auth.config';
import { StaffAuditChain } from '../staff-audit/staff-audit-chain';
import { looksLikeRecoveryCode, recoveryCodeHash } from './recovery-codes';
import { SecondFactorStore } from './second-factor.store';
import { SecretBox } from './secret-box';
import { matchingStep } from './totp';

const WRONG_CODE = () => new DomainError('AUTH.INVALID_CODE', 'That code is not right; check the time on your phone');
const WRONG_RECOVERY_CODE = () =>
  new DomainError('AUTH.INVALID_CODE', 'That recovery code is not right, or it was used already');

/** Checks a second factor: a code from the authenticator app (each usable once) or a recovery code (once). */
@Injectable()
export class SecondFactor {
  readonly box: SecretBox;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: SecondFactorStore,
    private readonly audit: StaffAuditChain,
    @Inject(authConfig.KEY) config: AuthConfig,
    @Inject(securityConfig.KEY) security: ConfigType<typeof securityConfig>,
  ) {
    this.box = SecretBox.fromSetting(config.mfaSecretKeys, !security.development);
  }

  async check(username: string, code: string): Promise<void> {
    const sealed = (await this.store.secrets(username))?.active;
    if (!sealed) throw new DomainError('AUTH.INVALID_TOKEN', 'This account has no second factor; sign in again');
    if (looksLikeRecoveryCode(code)) return this.spendRecoveryCode(username, code);
    const step = await matchingStep(this.box.open(sealed, username), code);
    if (step === undefined) throw WRONG_CODE();
    if (!(await this.store.spendStep(username, step)))
      throw new DomainError('AUTH.CODE_REUSED', 'That code was already used; wait for the next one');
  }

  private async spendRecoveryCode(username: string, code: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const remaining = await this.store.spendRecoveryCode(manager, username, recoveryCodeHash(code));
      if (remaining === undefined) throw WRONG_RECOVERY_CODE();
      const data = { username, remaining };
      await this.audit.append(manager, { actor: username, type: 'staff.recovery_code_used', data });
    });
  }
}
