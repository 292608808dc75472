import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { signCheckpoint } from '@sg/case-log';
import { logCheckpointIntervalMs } from '@sg/config';
import { AuditKeys } from './audit-keys';
import { LogAuditService } from './log-audit.service';

export interface CheckpointRun {
  /** chains whose head was signed in this run */
  checkpointed: number;
  /** chains that failed verification: never signed, so a checkpoint cannot bless a tampered log */
  refused: { caseId: string; firstInvalidSeq?: number; reason?: string }[];
}

/**
 * Signs the head (seq, hash) of every chain that grew since its last checkpoint: every
 * LOG_CHECKPOINT_INTERVAL, and when an auditor asks. Several API instances may run it at once; the
 * primary key (case_id, seq) keeps the first checkpoint of a head and drops the others.
 */
@Injectable()
export class Checkpointer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('checkpoints');
  private timer?: NodeJS.Timeout;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: LogAuditService,
    private readonly keys: AuditKeys,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.run().catch((error: Error) => this.logger.error(`Checkpoint run failed: ${error.name}`));
    }, logCheckpointIntervalMs(process.env));
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One run at a time in this process; a request during a run gets a fresh run after it, so it covers now. */
  run(): Promise<CheckpointRun> {
    const next = this.queue.catch(() => undefined).then(() => this.runOnce());
    this.queue = next;
    return next;
  }

  private async runOnce(): Promise<CheckpointRun> {
    const grown: { case_id: string }[] = await this.dataSource.query(`
      SELECT h.case_id
      FROM (SELECT case_id, max(seq) AS seq FROM case_log_entries GROUP BY case_id) h
      LEFT JOIN (SELECT case_id, max(seq) AS seq FROM case_log_checkpoints GROUP BY case_id) c USING (case_id)
      WHERE c.seq IS NULL OR c.seq < h.seq`);
    const run: CheckpointRun = { checkpointed: 0, refused: [] };
    for (const { case_id: caseId } of grown) {
      const { entries, audit } = await this.audit.load(caseId);
      if (!audit.valid) {
        this.logger.error(`Case ${caseId}: log fails verification at seq ${audit.firstInvalidSeq}; not checkpointed`);
        run.refused.push({ caseId, firstInvalidSeq: audit.firstInvalidSeq, reason: audit.reason });
        continue;
      }
      const head = entries[entries.length - 1];
      if (!head) continue;
      const checkpoint = signCheckpoint(this.keys.signing, {
        caseId,
        seq: head.seq,
        headHash: head.hash,
        headAt: head.at,
        checkpointedAt: new Date().toISOString(),
      });
      const inserted: unknown[] = await this.dataSource.query(
        `INSERT INTO case_log_checkpoints (case_id, seq, head_hash, head_at, checkpointed_at, signature, key_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (case_id, seq) DO NOTHING RETURNING seq`,
        [
          checkpoint.caseId,
          checkpoint.seq,
          checkpoint.headHash,
          checkpoint.headAt,
          checkpoint.checkpointedAt,
          checkpoint.signature,
          checkpoint.keyId,
        ],
      );
      run.checkpointed += inserted.length;
    }
    return run;
  }
}
