import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ed25519 signatures for the case log: each entry's signature (made at append; the private key is never stored
 * here), and signed checkpoints of chain heads. Checkpoints are append-only like the log itself.
 */
export class LogSignatures1763748000000 implements MigrationInterface {
  name = 'LogSignatures1763748000000';

  async up(db: QueryRunner): Promise<void> {
    // A nullable column without a default changes no row, so the log's UPDATE trigger is not involved.
    await db.query(`ALTER TABLE case_log_entries ADD COLUMN signature varchar(100)`);

    await db.query(`
      CREATE TABLE case_log_checkpoints (
        case_id uuid NOT NULL REFERENCES cases (id),
        seq integer NOT NULL CHECK (seq >= 1),
        head_hash char(64) NOT NULL,
        head_at timestamptz NOT NULL,
        checkpointed_at timestamptz NOT NULL,
        signature varchar(100) NOT NULL,
        PRIMARY KEY (case_id, seq)
      )`);
    // Exports pick the checkpoints whose head falls in their time range.
    await db.query(`CREATE INDEX case_log_checkpoints_head_at_idx ON case_log_checkpoints (head_at)`);

    await db.query(`
      CREATE FUNCTION case_log_checkpoints_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case_log_checkpoints is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER case_log_checkpoints_no_update_delete BEFORE UPDATE OR DELETE ON case_log_checkpoints
      FOR EACH ROW EXECUTE FUNCTION case_log_checkpoints_refuse_change()`);
    await db.query(`
      CREATE TRIGGER case_log_checkpoints_no_truncate BEFORE TRUNCATE ON case_log_checkpoints
      FOR EACH STATEMENT EXECUTE FUNCTION case_log_checkpoints_refuse_change()`);
    await db.query(`ALTER TABLE case_log_checkpoints ENABLE ALWAYS TRIGGER case_log_checkpoints_no_update_delete`);
    await db.query(`ALTER TABLE case_log_checkpoints ENABLE ALWAYS TRIGGER case_log_checkpoints_no_truncate`);

    // The services' role (when it exists) reads and adds checkpoints, nothing more.
    await db.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'safeguarding_app') THEN
          REVOKE ALL ON case_log_checkpoints FROM safeguarding_app;
          GRANT SELECT, INSERT ON case_log_checkpoints TO safeguarding_app;
        END IF;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE case_log_checkpoints`);
    await db.query(`DROP FUNCTION case_log_checkpoints_refuse_change()`);
    await db.query(`ALTER TABLE case_log_entries DROP COLUMN signature`);
  }
}
