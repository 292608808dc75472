import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ScheduleAlreadyRunning, ScheduleOptionsStartWorkflowAction } from '@temporalio/client';
import type { Workflow } from '@temporalio/common';
import { logCheckpointIntervalMs } from '@sg/config';
import { TemporalClient } from '@sg/temporal';
import { CHECKPOINT_SCHEDULE_ID, CHECKPOINT_WORKFLOW_TYPE } from '@sg/workflows/checkpoint/checkpoint.types';

const RETRY_MS = 30_000;

/**
 * Makes sure the Temporal Schedule that checkpoints the case log exists, every LOG_CHECKPOINT_INTERVAL: at start,
 * idempotently (any number of API processes may run this; the last one's interval wins). The API starts while
 * Temporal is down, so until it succeeds it tries again every half minute.
 */
@Injectable()
export class CheckpointSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('checkpoints');
  private timer?: NodeJS.Timeout;

  constructor(private readonly temporal: TemporalClient) {}

  onApplicationBootstrap(): void {
    void this.ensure();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
  }

  private async ensure(): Promise<void> {
    const { client, config } = this.temporal;
    const every = logCheckpointIntervalMs(process.env);
    const action: ScheduleOptionsStartWorkflowAction<Workflow> = {
      type: 'startWorkflow',
      workflowType: CHECKPOINT_WORKFLOW_TYPE,
      workflowId: 'case-log-checkpoint',
      taskQueue: config.taskQueue,
      args: [{}],
    };
    const schedule = {
      spec: { intervals: [{ every }] },
      action,
      policies: { overlap: 'SKIP' as const, catchupWindow: every },
    };
    try {
      try {
        await client.schedule.create({ scheduleId: CHECKPOINT_SCHEDULE_ID, ...schedule });
      } catch (error) {
        if (!(error instanceof ScheduleAlreadyRunning)) throw error;
        await client.schedule.getHandle(CHECKPOINT_SCHEDULE_ID).update((previous) => ({ ...previous, ...schedule }));
      }
      this.logger.log(`Case log checkpoints scheduled every ${every / 1000} s`);
    } catch (error) {
      this.logger.warn(`Checkpoint schedule not set up yet (${(error as Error).name}); trying again`);
      this.timer = setTimeout(() => void this.ensure(), RETRY_MS);
      this.timer.unref();
    }
  }
}
