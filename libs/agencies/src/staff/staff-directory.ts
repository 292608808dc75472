import { DataSource } from 'typeorm';
import type { PageLevel } from '@sg/workflows/paging/paging.types';

export interface StaffContacts {
  email: string | null;
  phone: string | null;
  webhookUrl: string | null;
}

export interface StaffMember {
  username: string;
  contacts: StaffContacts;
}

/** Who works when, and how to reach them. Only active accounts are ever returned. */
export interface StaffDirectory {
  /** people on a shift of exactly this level at `at` */
  onShift(level: PageLevel, at: Date): Promise<string[]>;
  /** holders of the role; with `onShiftAt`, only those on a shift (any level) at that moment */
  withRole(role: string, onShiftAt?: Date): Promise<string[]>;
  /** the safeguarding_lead role, and the configured usernames */
  leads(configured: string[]): Promise<string[]>;
  contactsOf(usernames: string[]): Promise<StaffMember[]>;
}

const ACTIVE = 'a.disabled_at IS NULL';
const SHIFT_AT = 's.cancelled_at IS NULL AND s.starts_at <= $1 AND s.ends_at > $1';

/** The directory in PostgreSQL: staff_accounts, rota_shifts, staff_contacts. */
export class SqlStaffDirectory implements StaffDirectory {
  constructor(private readonly dataSource: DataSource) {}

  onShift(level: PageLevel, at: Date): Promise<string[]> {
    return this.usernames(
      `SELECT DISTINCT a.username FROM rota_shifts s JOIN staff_accounts a USING (username)
        WHERE ${SHIFT_AT} AND s.level = $2 AND ${ACTIVE} ORDER BY a.username`,
      [at, level],
    );
  }

  withRole(role: string, onShiftAt?: Date): Promise<string[]> {
    if (!onShiftAt)
      return this.usernames(
        `SELECT a.username FROM staff_accounts a WHERE $1 = ANY(a.roles) AND ${ACTIVE} ORDER BY a.username`,
        [role],
      );
    return this.usernames(
      `SELECT DISTINCT a.username FROM rota_shifts s JOIN staff_accounts a USING (username)
        WHERE ${SHIFT_AT} AND $2 = ANY(a.roles) AND ${ACTIVE} ORDER BY a.username`,
      [onShiftAt, role],
    );
  }

  leads(configured: string[]): Promise<string[]> {
    return this.usernames(
      `SELECT a.username FROM staff_accounts a
        WHERE ('safeguarding_lead' = ANY(a.roles) OR a.username = ANY($1)) AND ${ACTIVE} ORDER BY a.username`,
      [configured],
    );
  }

  async contactsOf(usernames: string[]): Promise<StaffMember[]> {
    const rows: { username: string; email: string | null; phone: string | null; webhook_url: string | null }[] =
      await this.dataSource.query(
        `SELECT a.username, c.email, c.phone, c.webhook_url FROM staff_accounts a
           LEFT JOIN staff_contacts c USING (username) WHERE a.username = ANY($1) ORDER BY a.username`,
        [usernames],
      );
    return rows.map((r) => ({
      username: r.username,
      contacts: { email: r.email, phone: r.phone, webhookUrl: r.webhook_url },
    }));
  }

  private async usernames(sql: string, parameters: unknown[]): Promise<string[]> {
    const rows: { username: string }[] = await this.dataSource.query(sql, parameters);
    return rows.map((r) => r.username);
  }
}
