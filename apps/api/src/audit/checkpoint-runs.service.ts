import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { TemporalClient } from '@sg/temporal';
import {
  CHECKPOINT_WORKFLOW_TYPE,
  CheckpointRun,
  onDemandCheckpointWorkflowId,
} from '@sg/workflows/checkpoint/checkpoint.types';
import { DomainError } from '../common/domain-error';

/**
 * An auditor's "checkpoint now": the same workflow the schedule runs, started and awaited, so checkpoints and tree
 * heads are only ever made by the worker, one run at a time.
 */
@Injectable()
export class CheckpointRuns {
  private readonly logger = new Logger('checkpoints');

  constructor(private readonly temporal: TemporalClient) {}

  async runNow(): Promise<CheckpointRun> {
    const { client, config } = this.temporal;
    try {
      return await client.workflow.execute(CHECKPOINT_WORKFLOW_TYPE, {
        workflowId: onDemandCheckpointWorkflowId(randomUUID()),
        taskQueue: config.taskQueue,
        args: [{}],
        workflowExecutionTimeout: '2 minutes',
      });
    } catch (error) {
      const cause = error instanceof WorkflowFailedError ? error.cause?.cause : undefined;
      if (cause instanceof ApplicationFailure && cause.type === 'LOG.TREE_INCONSISTENT')
        throw new DomainError('AUDIT.TREE_INCONSISTENT', cause.message);
      this.logger.warn(`On-demand checkpoint failed: ${(error as Error).name}`);
      throw new DomainError('WORKFLOW_ENGINE.UNAVAILABLE', 'The checkpoint run did not complete; try again shortly.');
    }
  }
}
