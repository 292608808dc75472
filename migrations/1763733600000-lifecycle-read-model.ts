import { MigrationInterface, QueryRunner } from 'typeorm';

/** The lifecycle's read model (assessor, deadlines, open tasks) and the development outbox. */
export class LifecycleReadModel1763733600000 implements MigrationInterface {
  name = 'LifecycleReadModel1763733600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cases ADD COLUMN assessed_by varchar(100), ADD COLUMN review_deadline_at timestamptz`);
    await db.query(`CREATE INDEX cases_level_idx ON cases (level, created_at)`);

    // One row per task; task_key is the task's business identity so a retried activity never opens it twice.
    await db.query(`
      CREATE TABLE case_tasks (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        task_key varchar(200) NOT NULL,
        kind varchar(64) NOT NULL,
        role varchar(32) NOT NULL,
        description text NOT NULL,
        due_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        CONSTRAINT case_tasks_key_unique UNIQUE (case_id, task_key)
      )`);
    await db.query(`CREATE INDEX case_tasks_open_idx ON case_tasks (case_id) WHERE completed_at IS NULL`);

    // Deliveries made while no webhook is configured (development): readable by officers at GET /outbox.
    await db.query(`
      CREATE TABLE outbox_messages (
        id bigserial PRIMARY KEY,
        dedupe_key varchar(300) NOT NULL UNIQUE,
        kind varchar(64) NOT NULL,
        case_id uuid REFERENCES cases (id),
        recipient varchar(200) NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE outbox_messages`);
    await db.query(`DROP TABLE case_tasks`);
    await db.query(`DROP INDEX cases_level_idx`);
    await db.query(`ALTER TABLE cases DROP COLUMN assessed_by, DROP COLUMN review_deadline_at`);
  }
}
