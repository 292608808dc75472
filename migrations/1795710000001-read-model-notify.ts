import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live updates for the console (docs/console.md): every change to the read model (cases, case_tasks) is announced
 * on the `read_model_changes` channel, whichever process made it, so every API process can push it to its event
 * streams. Payloads carry ids and statuses only, never anything a person wrote or identifying details.
 */
export class ReadModelNotify1795710000001 implements MigrationInterface {
  name = 'ReadModelNotify1795710000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION notify_case_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('read_model_changes', json_build_object(
          'type', 'case', 'id', NEW.id, 'status', NEW.status, 'level', NEW.level, 'escalated', NEW.escalated)::text);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION notify_task_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('read_model_changes', json_build_object(
          'type', 'task', 'id', NEW.id::text, 'caseId', NEW.case_id,
          'status', CASE WHEN NEW.completed_at IS NULL THEN 'open' ELSE 'done' END)::text);
        RETURN NULL;
      END $$`);
    await db.query(
      `CREATE TRIGGER cases_notify AFTER INSERT OR UPDATE ON cases FOR EACH ROW EXECUTE FUNCTION notify_case_change()`,
    );
    await db.query(
      `CREATE TRIGGER case_tasks_notify AFTER INSERT OR UPDATE ON case_tasks FOR EACH ROW EXECUTE FUNCTION notify_task_change()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER case_tasks_notify ON case_tasks`);
    await db.query(`DROP TRIGGER cases_notify ON cases`);
    await db.query(`DROP FUNCTION notify_task_change()`);
    await db.query(`DROP FUNCTION notify_case_change()`);
  }
}
