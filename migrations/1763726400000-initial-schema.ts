import { MigrationInterface, QueryRunner } from 'typeorm';

/** Cases, and the append-only case log whose rows the database itself refuses to change. */
export class InitialSchema1763726400000 implements MigrationInterface {
  name = 'InitialSchema1763726400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY,
        status varchar(32) NOT NULL,
        channel varchar(32) NOT NULL,
        occurred_at timestamptz NOT NULL,
        summary text NOT NULL,
        subject_external_user_id varchar(200) NOT NULL,
        subject_age smallint,
        subject_contact jsonb NOT NULL DEFAULT '{}',
        identifying jsonb NOT NULL DEFAULT '{}',
        submitted_by varchar(100) NOT NULL,
        intake_key varchar(200) UNIQUE,
        intake_fingerprint char(64) NOT NULL,
        level varchar(16),
        escalated boolean NOT NULL DEFAULT false,
        workflow_started_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX cases_subject_idx ON cases (subject_external_user_id, created_at)`);
    await db.query(`CREATE INDEX cases_status_idx ON cases (status, created_at)`);
    await db.query(`CREATE INDEX cases_workflow_pending_idx ON cases (created_at) WHERE workflow_started_at IS NULL`);

    await db.query(`
      CREATE TABLE case_log_entries (
        case_id uuid NOT NULL REFERENCES cases (id),
        seq integer NOT NULL CHECK (seq >= 1),
        at timestamptz NOT NULL,
        actor varchar(100) NOT NULL,
        type varchar(64) NOT NULL,
        data jsonb NOT NULL,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        step_key varchar(200) NOT NULL,
        PRIMARY KEY (case_id, seq),
        CONSTRAINT case_log_entries_step_unique UNIQUE (case_id, step_key)
      )`);
    await db.query(`CREATE INDEX case_log_entries_type_idx ON case_log_entries (type, at)`);

    // Append-only in the database itself: whatever the application does, rows cannot be changed or removed.
    // ENABLE ALWAYS keeps the triggers firing even under session_replication_role = replica.
    await db.query(`
      CREATE FUNCTION case_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case_log_entries is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER case_log_entries_no_update_delete BEFORE UPDATE OR DELETE ON case_log_entries
      FOR EACH ROW EXECUTE FUNCTION case_log_refuse_change()`);
    await db.query(`
      CREATE TRIGGER case_log_entries_no_truncate BEFORE TRUNCATE ON case_log_entries
      FOR EACH STATEMENT EXECUTE FUNCTION case_log_refuse_change()`);
    await db.query(`ALTER TABLE case_log_entries ENABLE ALWAYS TRIGGER case_log_entries_no_update_delete`);
    await db.query(`ALTER TABLE case_log_entries ENABLE ALWAYS TRIGGER case_log_entries_no_truncate`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE case_log_entries`);
    await db.query(`DROP FUNCTION case_log_refuse_change()`);
    await db.query(`DROP TABLE cases`);
  }
}
