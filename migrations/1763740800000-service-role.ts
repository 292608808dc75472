import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The services connect as a member of `safeguarding_app`, which may read and add case log rows but never change
 * or remove them: no UPDATE, DELETE or TRUNCATE on case_log_entries (and no DELETE or TRUNCATE anywhere).
 * Migrations run as the schema owner. Creating the role needs CREATEROLE; on a managed database, create it first.
 */
export class ServiceRole1763740800000 implements MigrationInterface {
  name = 'ServiceRole1763740800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'safeguarding_app') THEN CREATE ROLE safeguarding_app NOLOGIN; END IF;
      END $$`);
    await db.query(`REVOKE ALL ON case_log_entries FROM PUBLIC`);
    await db.query(`GRANT USAGE ON SCHEMA public TO safeguarding_app`);
    await db.query(`GRANT SELECT, INSERT ON case_log_entries TO safeguarding_app`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON cases, case_tasks, outbox_messages TO safeguarding_app`);
    await db.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO safeguarding_app`);
    // Tables added by later migrations: read, add and update, never delete.
    await db.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE ON TABLES TO safeguarding_app`,
    );
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO safeguarding_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM safeguarding_app`);
    await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM safeguarding_app`);
    await db.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM safeguarding_app`);
    await db.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM safeguarding_app`);
    await db.query(`REVOKE ALL ON SCHEMA public FROM safeguarding_app`);
  }
}
