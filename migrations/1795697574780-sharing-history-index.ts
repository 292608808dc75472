import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A young person's sharing history reads three entry types of their cases. A partial index of just those rows keeps
 * that read from visiting every other entry of the case (reads and escalations make most of a long log).
 */
export class SharingHistoryIndex1795697574780 implements MigrationInterface {
  name = 'SharingHistoryIndex1795697574780';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX case_log_entries_sharing_idx ON case_log_entries (case_id, seq)
         WHERE type IN ('referral.recorded', 'notification.deferred', 'notification.released')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX case_log_entries_sharing_idx');
  }
}
