import { DataSource } from 'typeorm';
import { LogKeyring } from '../keyring';
import { TreeHeadFile } from '../tree/tree-head-file';
import { checkpointChain } from './chain-checkpoint';
import { CheckpointRun } from './checkpoint-run';
import { TreePublisher } from './tree-publisher';

/** Held for a whole run: runs never overlap, whoever starts them (the schedule, an auditor, a second worker). */
const CHECKPOINT_LOCK = 7_320_117_001;

/**
 * One checkpointing run: checks the published tree head still holds, checkpoints every chain that grew since its
 * last checkpoint (verifying only what was added), then publishes a signed tree head over all checkpoints.
 */
export class LogCheckpointer {
  private readonly publisher: TreePublisher;

  constructor(
    private readonly dataSource: DataSource,
    private readonly keyring: LogKeyring,
    file: TreeHeadFile,
  ) {
    this.publisher = new TreePublisher(file, keyring.signing, keyring.publicKeys);
  }

  async run(): Promise<CheckpointRun> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [CHECKPOINT_LOCK]);
      const db = runner.manager;
      const published = await this.publisher.checkPublished(db);
      const run: CheckpointRun = { checkpointed: 0, refused: [] };
      for (const caseId of await grownChains(this.dataSource)) {
        const result = await checkpointChain(db, caseId, this.keyring.signing, this.keyring.publicKeys);
        if ('caseId' in result) run.refused.push(result);
        else if (result.checkpointed) run.checkpointed++;
      }
      run.treeHead = await this.publisher.publish(db, published);
      return run;
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [CHECKPOINT_LOCK]).catch(() => undefined);
      await runner.release();
    }
  }
}

/** Cases whose log has entries past its last checkpoint. */
async function grownChains(dataSource: DataSource): Promise<string[]> {
  const rows: { case_id: string }[] = await dataSource.query(`
    SELECT h.case_id
    FROM (SELECT case_id, max(seq) AS seq FROM case_log_entries GROUP BY case_id) h
    LEFT JOIN (SELECT case_id, max(seq) AS seq FROM case_log_checkpoints GROUP BY case_id) c USING (case_id)
    WHERE c.seq IS NULL OR c.seq < h.seq
    ORDER BY h.case_id`);
  return rows.map((r) => r.case_id);
}
