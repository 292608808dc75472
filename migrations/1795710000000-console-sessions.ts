import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The staff console's cookie sessions (docs/console.md). Only a SHA-256 of the session id is stored, so a copy of
 * the table signs nobody in. Sign-out sets `revoked_at`; the service never deletes rows.
 */
export class ConsoleSessions1795710000000 implements MigrationInterface {
  name = 'ConsoleSessions1795710000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE staff_sessions (
        id_hash char(64) PRIMARY KEY,
        username varchar(100) NOT NULL REFERENCES staff_accounts (username),
        -- the iat of the access token it was made from: the account's token cut-off applies to it the same way
        issued_at bigint NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX staff_sessions_username_idx ON staff_sessions (username)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE staff_sessions`);
  }
}
