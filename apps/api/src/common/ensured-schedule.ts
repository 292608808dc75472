import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ScheduleAlreadyRunning, ScheduleOptionsStartWorkflowAction } from '@temporalio/client';
import type { Workflow } from '@temporalio/common';
import { TemporalClient } from '@sg/temporal';

const RETRY_MS = 30_000;

/** One Temporal Schedule the API makes sure of: which workflow it starts, and how often. */
export interface ScheduleDefinition {
  scheduleId: string;
  workflowType: string;
  workflowId: string;
  everyMs: number;
  /** what the schedule does, for the log line: "Case log checkpoints" */
  what: string;
}

/**
 * Makes sure a Temporal Schedule exists at start, idempotently (any number of API processes may run this; the last
 * one's interval wins; one run at a time). The API starts while Temporal is down, so until it succeeds it tries
 * again every half minute.
 */
export abstract class EnsuredSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  protected constructor(
    private readonly temporal: TemporalClient,
    private readonly logger: Logger,
  ) {}

  protected abstract definition(): ScheduleDefinition;

  onApplicationBootstrap(): void {
    void this.ensure();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
  }

  private async ensure(): Promise<void> {
    const { client, config } = this.temporal;
    const { scheduleId, workflowType, workflowId, everyMs: every, what } = this.definition();
    const action: ScheduleOptionsStartWorkflowAction<Workflow> = {
      type: 'startWorkflow',
      workflowType,
      workflowId,
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
        await client.schedule.create({ scheduleId, ...schedule });
      } catch (error) {
        if (!(error instanceof ScheduleAlreadyRunning)) throw error;
        await client.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, ...schedule }));
      }
      this.logger.log(`${what} scheduled every ${every / 1000} s`);
    } catch (error) {
      this.logger.warn(`${what}: schedule not set up yet (${(error as Error).name}); trying again`);
      this.timer = setTimeout(() => void this.ensure(), RETRY_MS);
      this.timer.unref();
    }
  }
}
