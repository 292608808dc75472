import { Injectable } from '@nestjs/common';
import type { StaffRole } from '@sg/workflows/case/case.types';
import { DataSource, EntityManager } from 'typeorm';

/** A staff account as sign-in and token checks see it. Secrets stay in the database unless asked for. */
export interface StaffAccount {
  username: string;
  roles: StaffRole[];
  disabled: boolean;
  createdBy: string;
  /** tokens issued before this instant are refused (re-enabled, roles changed, password changed, 2FA reset) */
  tokensValidAfter: Date | null;
  mfaEnrolled: boolean;
}

interface AccountRow {
  username: string;
  roles: string[];
  disabled_at: Date | null;
  created_by: string;
  tokens_valid_after: Date | null;
  mfa_enrolled: boolean;
}

const COLUMNS = `username, roles, disabled_at, created_by, tokens_valid_after, totp_secret IS NOT NULL AS mfa_enrolled`;

function toAccount(row: AccountRow): StaffAccount {
  return {
    username: row.username,
    roles: row.roles as StaffRole[],
    disabled: row.disabled_at !== null,
    createdBy: row.created_by,
    tokensValidAfter: row.tokens_valid_after,
    mfaEnrolled: row.mfa_enrolled,
  };
}

/** Reads staff accounts; `lock` holds the row until the caller's transaction ends (for changes). */
@Injectable()
export class StaffAccountReader {
  constructor(private readonly dataSource: DataSource) {}

  async find(username: string, options: { manager?: EntityManager; lock?: boolean } = {}) {
    const manager = options.manager ?? this.dataSource.manager;
    const rows = (await manager.query(
      `SELECT ${COLUMNS} FROM staff_accounts WHERE username = $1${options.lock ? ' FOR UPDATE' : ''}`,
      [username],
    )) as AccountRow[];
    return rows[0] ? toAccount(rows[0]) : undefined;
  }

  async passwordHash(username: string): Promise<string | undefined> {
    const rows = (await this.dataSource.query('SELECT password_hash FROM staff_accounts WHERE username = $1', [
      username,
    ])) as { password_hash: string }[];
    return rows[0]?.password_hash;
  }

  async list(): Promise<(StaffAccount & { createdAt: Date })[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS}, created_at FROM staff_accounts ORDER BY username`,
    )) as (AccountRow & { created_at: Date })[];
    return rows.map((row) => ({ ...toAccount(row), createdAt: row.created_at }));
  }
}
