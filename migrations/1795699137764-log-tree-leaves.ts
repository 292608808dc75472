import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every checkpoint made from now on is a leaf of the signed tree over all cases (docs/audit.md), at the next
 * `leaf_index`: the order the tree heads are computed in. Checkpoints made before this are not in the tree.
 */
export class LogTreeLeaves1795699137764 implements MigrationInterface {
  name = 'LogTreeLeaves1795699137764';

  async up(db: QueryRunner): Promise<void> {
    // A nullable column without a default changes no row, so the append-only triggers are not involved.
    await db.query(`ALTER TABLE case_log_checkpoints ADD COLUMN leaf_index bigint`);
    await db.query(
      `CREATE UNIQUE INDEX case_log_checkpoints_leaf_idx ON case_log_checkpoints (leaf_index) WHERE leaf_index IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX case_log_checkpoints_leaf_idx`);
    await db.query(`ALTER TABLE case_log_checkpoints DROP COLUMN leaf_index`);
  }
}
