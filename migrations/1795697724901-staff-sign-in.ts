import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff sign-in: a per-account cut-off for tokens, two-factor secrets (encrypted by the API before they get here)
 * with single-use recovery codes, and login throttle counters shared by every API process.
 */
export class StaffSignIn1795697724901 implements MigrationInterface {
  name = 'StaffSignIn1795697724901';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE staff_accounts
        ADD COLUMN tokens_valid_after timestamptz,
        ADD COLUMN totp_secret text,
        ADD COLUMN totp_pending_secret text,
        ADD COLUMN totp_enrolled_at timestamptz,
        ADD COLUMN totp_last_step bigint,
        ADD COLUMN recovery_code_hashes text[] NOT NULL DEFAULT '{}'`);

    // One row per username bucket (`user:…`) or address group (`addr:…`); see apps/api/src/auth/throttle.
    await db.query(`
      CREATE TABLE login_throttle (
        key varchar(250) PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        blocked_until timestamptz,
        updated_at timestamptz NOT NULL
      )`);
    // Where each account last signed in successfully: failures elsewhere never slow it down from there.
    await db.query(`
      CREATE TABLE login_known_addresses (
        username varchar(100) NOT NULL REFERENCES staff_accounts (username),
        address_group varchar(64) NOT NULL,
        last_success_at timestamptz NOT NULL,
        PRIMARY KEY (username, address_group)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE login_known_addresses`);
    await db.query(`DROP TABLE login_throttle`);
    await db.query(`
      ALTER TABLE staff_accounts
        DROP COLUMN tokens_valid_after, DROP COLUMN totp_secret, DROP COLUMN totp_pending_secret,
        DROP COLUMN totp_enrolled_at, DROP COLUMN totp_last_step, DROP COLUMN recovery_code_hashes`);
  }
}
