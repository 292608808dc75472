import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * On-call paging (SPEC §7): each staff member's contact routes, the rota, and a ledger of deliveries keyed by
 * business identity so a retried send never goes out twice. Shifts are cancelled, never deleted (the service
 * has no DELETE), so who was on call when stays known.
 */
export class PagingRoutes1795697856868 implements MigrationInterface {
  name = 'PagingRoutes1795697856868';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE staff_contacts (
        username varchar(100) PRIMARY KEY REFERENCES staff_accounts (username),
        email varchar(254),
        phone varchar(40),
        webhook_url varchar(2000),
        updated_by varchar(100) NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // The exclusion constraint makes "no overlapping shift for one person" hold even for two requests at once.
    await db.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await db.query(`
      CREATE TABLE rota_shifts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(100) NOT NULL REFERENCES staff_accounts (username),
        level smallint NOT NULL CHECK (level BETWEEN 1 AND 3),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        created_by varchar(100) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        cancelled_by varchar(100),
        cancelled_at timestamptz,
        CONSTRAINT rota_shifts_end_after_start CHECK (ends_at > starts_at),
        CONSTRAINT rota_shifts_no_overlap EXCLUDE USING gist (username WITH =, tstzrange(starts_at, ends_at) WITH &&)
          WHERE (cancelled_at IS NULL)
      )`);
    await db.query(`CREATE INDEX rota_shifts_time_idx ON rota_shifts (starts_at, ends_at) WHERE cancelled_at IS NULL`);

    await db.query(`
      CREATE TABLE deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        delivery_key varchar(400) NOT NULL UNIQUE,
        case_id uuid REFERENCES cases (id),
        kind varchar(64) NOT NULL,
        username varchar(100),
        route varchar(32) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE deliveries`);
    await db.query(`DROP TABLE rota_shifts`);
    await db.query(`DROP TABLE staff_contacts`);
  }
}
