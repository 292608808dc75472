import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { currentLogKeyring, LogCheckpointer, TreeHeadFile, treeHeadDir } from '@sg/case-log';
import type { CheckpointActivities as Contract, CheckpointRun } from '@sg/workflows/checkpoint/checkpoint.types';

/** The checkpoint workflow's one activity: the only place chain checkpoints and tree heads are made. */
@Injectable()
export class CheckpointActivities {
  private readonly logger = new Logger('checkpoints');
  private readonly checkpointer: LogCheckpointer;

  constructor(dataSource: DataSource) {
    // Read at start, so a bad LOG_SIGNING_PREVIOUS_PUBLIC_KEYS stops the worker at boot, not at the first run.
    this.checkpointer = new LogCheckpointer(
      dataSource,
      currentLogKeyring(),
      new TreeHeadFile(treeHeadDir(process.env)),
    );
  }

  async checkpointCaseLogs(): Promise<CheckpointRun> {
    const run = await this.checkpointer.run();
    for (const refused of run.refused)
      this.logger.error(
        `Case ${refused.caseId}: log fails verification at seq ${refused.firstInvalidSeq}; not checkpointed`,
      );
    return run;
  }
}

/** The activity as a plain function, bound to its instance, for Worker.create({ activities }). */
export const bindCheckpointActivities = (activities: CheckpointActivities): Contract => ({
  checkpointCaseLogs: () => activities.checkpointCaseLogs(),
});
