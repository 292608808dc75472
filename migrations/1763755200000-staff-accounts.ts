import { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff who log in. Accounts are disabled, never deleted: the case log names them. */
export class StaffAccounts1763755200000 implements MigrationInterface {
  name = 'StaffAccounts1763755200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE staff_accounts (
        username varchar(100) PRIMARY KEY,
        roles text[] NOT NULL CHECK (cardinality(roles) >= 1),
        password_hash text NOT NULL,
        disabled_at timestamptz,
        created_by varchar(100) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE staff_accounts`);
  }
}
