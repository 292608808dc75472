import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Key ids for the case log's signatures, so LOG_SIGNING_KEY can rotate: each entry and checkpoint names the key that
 * signed it, and verification looks that key up among the current and previous public keys (docs/audit.md). Rows
 * written before this have none and verify with any of the keys.
 */
export class LogSigningKeyIds1795697913072 implements MigrationInterface {
  name = 'LogSigningKeyIds1795697913072';

  async up(db: QueryRunner): Promise<void> {
    // Nullable columns without a default change no row, so the append-only triggers are not involved.
    await db.query(`ALTER TABLE case_log_entries ADD COLUMN key_id varchar(16)`);
    await db.query(`ALTER TABLE case_log_checkpoints ADD COLUMN key_id varchar(16)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE case_log_checkpoints DROP COLUMN key_id`);
    await db.query(`ALTER TABLE case_log_entries DROP COLUMN key_id`);
  }
}
