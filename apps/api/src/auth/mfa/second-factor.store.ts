import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { rowsOf } from '../sql-rows';

/** The two-factor columns of staff_accounts. Secrets come and go sealed (SecretBox); codes only as hashes. */
@Injectable()
export class SecondFactorStore {
  constructor(private readonly dataSource: DataSource) {}

  async secrets(username: string): Promise<{ active: string | null; pending: string | null } | undefined> {
    const [row] = (await this.dataSource.query(
      'SELECT totp_secret, totp_pending_secret FROM staff_accounts WHERE username = $1',
      [username],
    )) as { totp_secret: string | null; totp_pending_secret: string | null }[];
    return row && { active: row.totp_secret, pending: row.totp_pending_secret };
  }

  /** Replaces any earlier pending secret; false when the account has meanwhile enrolled. */
  async savePending(username: string, sealed: string): Promise<boolean> {
    const rows = await rowsOf(
      this.dataSource,
      `UPDATE staff_accounts SET totp_pending_secret = $2 WHERE username = $1 AND totp_secret IS NULL
       RETURNING username`,
      [username, sealed],
    );
    return rows.length > 0;
  }

  /** Makes the pending secret the account's own, if it is still the one the code was checked against. */
  async completeEnrolment(
    manager: EntityManager,
    username: string,
    pending: string,
    step: number,
    recoveryCodeHashes: string[],
  ): Promise<boolean> {
    const rows = await rowsOf(
      manager,
      `UPDATE staff_accounts SET totp_secret = totp_pending_secret, totp_pending_secret = NULL,
         totp_enrolled_at = now(), totp_last_step = $3, recovery_code_hashes = $4
       WHERE username = $1 AND totp_secret IS NULL AND totp_pending_secret = $2
       RETURNING username`,
      [username, pending, step, recoveryCodeHashes],
    );
    return rows.length > 0;
  }

  /** Spends a time step: false if this step (or a later one) was already used, so no code works twice. */
  async spendStep(username: string, step: number): Promise<boolean> {
    const rows = await rowsOf(
      this.dataSource,
      `UPDATE staff_accounts SET totp_last_step = $2
       WHERE username = $1 AND totp_secret IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < $2)
       RETURNING username`,
      [username, step],
    );
    return rows.length > 0;
  }

  /** Spends a recovery code; how many are left, or undefined when it was not one of the account's unspent codes. */
  async spendRecoveryCode(manager: EntityManager, username: string, hash: string): Promise<number | undefined> {
    const [row] = await rowsOf<{ remaining: number }>(
      manager,
      `UPDATE staff_accounts SET recovery_code_hashes = array_remove(recovery_code_hashes, $2)
       WHERE username = $1 AND totp_secret IS NOT NULL AND $2 = ANY (recovery_code_hashes)
       RETURNING cardinality(recovery_code_hashes) AS remaining`,
      [username, hash],
    );
    return row ? Number(row.remaining) : undefined;
  }
}
