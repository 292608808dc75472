import { EntityManager } from 'typeorm';
import { CHECKPOINT_COLUMNS, CheckpointRow, toCheckpoint } from '../log-rows';
import { checkpointLeafHash } from './tree-head';

/**
 * The tree's leaf hashes in leaf order, recomputed from the checkpoint rows themselves (never a stored hash), so a
 * checkpoint removed or changed in the database changes the root. Linear in the number of checkpoints.
 */
export async function treeLeafHashes(db: EntityManager, limit?: number, from = 0): Promise<string[]> {
  const rows: CheckpointRow[] = await db.query(
    `SELECT ${CHECKPOINT_COLUMNS} FROM case_log_checkpoints WHERE leaf_index >= $1 ORDER BY leaf_index
     ${limit === undefined ? '' : 'LIMIT $2'}`,
    limit === undefined ? [from] : [from, limit],
  );
  return rows.map((row) => checkpointLeafHash(toCheckpoint(row)));
}
