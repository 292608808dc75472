import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ScheduleAlreadyRunning, ScheduleOptionsStartWorkflowAction } from '@temporalio/client';
import type { Workflow } from '@temporalio/common';
import { durationMs, validateEnvironment } from '@sg/config';
import { TemporalClient } from '@sg/temporal';
import {
  RECONCILE_SCHEDULE_ID,
  RECONCILE_WORKFLOW_ID,
  RECONCILE_WORKFLOW_TYPE,
} from '@sg/workflows/reconcile/reconcile.types';

const RETRY_MS = 30_000;

/**
 * Makes sure the Temporal Schedule that runs the reconciler exists, every CASE_RECONCILE_INTERVAL: at start,
 * idempotently (any number of API processes may run this; one schedule runs it, one run at a time). Until Temporal
 * answers it tries again every half minute.
 */
@Injectable()
export class ReconcileSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('reconciler');
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
    const every = durationMs(validateEnvironment(process.env).CASE_RECONCILE_INTERVAL);
    const action: ScheduleOptionsStartWorkflowAction<Workflow> = {
      type: 'startWorkflow',
      workflowType: RECONCILE_WORKFLOW_TYPE,
      workflowId: RECONCILE_WORKFLOW_ID,
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
        await client.schedule.create({ scheduleId: RECONCILE_SCHEDULE_ID, ...schedule });
      } catch (error) {
        if (!(error instanceof ScheduleAlreadyRunning)) throw error;
        await client.schedule.getHandle(RECONCILE_SCHEDULE_ID).update((previous) => ({ ...previous, ...schedule }));
      }
      this.logger.log(`Stopped case workflows looked for every ${every / 1000} s`);
    } catch (error) {
      this.logger.warn(`Reconciler schedule not set up yet (${(error as Error).name}); trying again`);
      this.timer = setTimeout(() => void this.ensure(), RETRY_MS);
      this.timer.unref();
    }
  }
}
