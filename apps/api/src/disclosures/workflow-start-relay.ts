import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { apiConfig } from '@sg/config';
import { CaseWorkflowStarter } from './case-workflow-starter';

const BATCH = 100;

/**
 * An accepted disclosure is never lost: a case stored while Temporal was unreachable has no
 * workflow_started_at, and this relay keeps starting such workflows until Temporal takes them.
 */
@Injectable()
export class WorkflowStartRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkflowStartRelay.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    @Inject(apiConfig.KEY) private readonly config: ConfigType<typeof apiConfig>,
    private readonly dataSource: DataSource,
    private readonly starter: CaseWorkflowStarter,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.startPending(), this.config.workflowStartRetryMs);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One pass over pending cases, oldest first; returns how many workflows it started. */
  async startPending(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      const pending: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM cases WHERE workflow_started_at IS NULL ORDER BY created_at LIMIT $1`,
        [BATCH],
      );
      let started = 0;
      for (const { id } of pending) {
        if (!(await this.starter.tryStart(id))) break; // Temporal still away: try again next tick
        started++;
      }
      if (started) this.logger.log(`Started ${started} pending case workflow(s)`);
      return started;
    } catch (error) {
      this.logger.warn(`Pending workflow pass failed (${(error as Error).name}); will retry`);
      return 0;
    } finally {
      this.running = false;
    }
  }
}
