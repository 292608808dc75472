import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The staff audit chain: every change to a staff account, hash-chained and signed like a case log (one chain,
 * `staff-accounts`). Append-only in the database itself, as the case log is: the triggers are ENABLE ALWAYS, and
 * the services' role may only read and add rows.
 */
export class StaffAuditChain1795697724900 implements MigrationInterface {
  name = 'StaffAuditChain1795697724900';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE staff_audit_entries (
        seq integer PRIMARY KEY CHECK (seq >= 1),
        at timestamptz NOT NULL,
        actor varchar(100) NOT NULL,
        type varchar(64) NOT NULL,
        data jsonb NOT NULL,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        key_id varchar(32) NOT NULL,
        signature varchar(100) NOT NULL
      )`);
    await db.query(`
      CREATE FUNCTION staff_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'staff_audit_entries is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER staff_audit_entries_no_update_delete BEFORE UPDATE OR DELETE ON staff_audit_entries
      FOR EACH ROW EXECUTE FUNCTION staff_audit_refuse_change()`);
    await db.query(`
      CREATE TRIGGER staff_audit_entries_no_truncate BEFORE TRUNCATE ON staff_audit_entries
      FOR EACH STATEMENT EXECUTE FUNCTION staff_audit_refuse_change()`);
    await db.query(`ALTER TABLE staff_audit_entries ENABLE ALWAYS TRIGGER staff_audit_entries_no_update_delete`);
    await db.query(`ALTER TABLE staff_audit_entries ENABLE ALWAYS TRIGGER staff_audit_entries_no_truncate`);

    await db.query(`REVOKE ALL ON staff_audit_entries FROM PUBLIC`);
    await db.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'safeguarding_app') THEN
          REVOKE ALL ON staff_audit_entries FROM safeguarding_app;
          GRANT SELECT, INSERT ON staff_audit_entries TO safeguarding_app;
        END IF;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE staff_audit_entries`);
    await db.query(`DROP FUNCTION staff_audit_refuse_change()`);
  }
}
