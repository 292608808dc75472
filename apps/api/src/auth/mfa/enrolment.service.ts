import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { StaffAccount } from '../accounts/staff-account';
import { Authenticator } from '../authenticator';
import { StaffAuditChain } from '../staff-audit/staff-audit-chain';
import { ENROLMENT_AUDIENCE, Tokens } from '../tokens';
import { newRecoveryCodes, recoveryCodeHash } from './recovery-codes';
import { SecondFactor } from './second-factor';
import { SecondFactorStore } from './second-factor.store';
import { enrolmentDetails, matchingStep, newTotpSecret } from './totp';
import type { EnrolmentDoneAnswer, EnrolmentStartAnswer } from '../sign-in/sign-in.dto';

const ALREADY = () =>
  new DomainError('AUTH.MFA_ALREADY_ENROLLED', 'This account already has two-factor sign-in; sign in with a code');

/**
 * Setting up two-factor sign-in with an enrolment token (the only thing that token is good for). The secret is
 * shown once, when enrolment starts; it is stored sealed and never returned again. Confirming with a code from the
 * app proves the person holds it, signs them in and shows their recovery codes, once.
 */
@Injectable()
export class Enrolment {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: SecondFactorStore,
    private readonly secondFactor: SecondFactor,
    private readonly audit: StaffAuditChain,
    private readonly authenticator: Authenticator,
    private readonly tokens: Tokens,
  ) {}

  async start(enrolmentToken: string): Promise<EnrolmentStartAnswer> {
    const account = await this.enrollingAccount(enrolmentToken);
    const secret = newTotpSecret();
    if (!(await this.store.savePending(account.username, this.secondFactor.box.seal(secret, account.username))))
      throw ALREADY();
    return enrolmentDetails(account.username, secret);
  }

  async confirm(enrolmentToken: string, code: string): Promise<EnrolmentDoneAnswer> {
    const account = await this.enrollingAccount(enrolmentToken);
    const pending = (await this.store.secrets(account.username))?.pending;
    if (!pending) throw new DomainError('AUTH.MFA_NOT_STARTED', 'Start enrolment first: POST /auth/mfa/enrol');
    const step = await matchingStep(this.secondFactor.box.open(pending, account.username), code);
    if (step === undefined)
      throw new DomainError('AUTH.INVALID_CODE', 'That code is not right; check the time on your phone');
    const recoveryCodes = newRecoveryCodes();
    await this.dataSource.transaction(async (manager) => {
      const hashes = recoveryCodes.map(recoveryCodeHash);
      if (!(await this.store.completeEnrolment(manager, account.username, pending, step, hashes)))
        throw new DomainError('AUTH.MFA_NOT_STARTED', 'Enrolment was started again meanwhile; use the newest secret');
      const data = { username: account.username };
      await this.audit.append(manager, { actor: account.username, type: 'staff.mfa_enrolled', data });
    });
    return { ...(await this.tokens.forStaff({ ...account, mfaEnrolled: true })), recoveryCodes };
  }

  private async enrollingAccount(enrolmentToken: string): Promise<StaffAccount> {
    const claims = await this.tokens.verify(enrolmentToken, [ENROLMENT_AUDIENCE]);
    const account = await this.authenticator.activeAccount(claims.sub, claims.iat);
    if (account.mfaEnrolled) throw ALREADY();
    return account;
  }
}
