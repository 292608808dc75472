import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { DataSource, IsNull } from 'typeorm';
import { lifecycleConfig } from '@sg/config';
import { CaseEntity } from '@sg/persistence';
import { TemporalClient } from '@sg/temporal';
import { CASE_WORKFLOW_TYPE, caseWorkflowId, CaseWorkflowInput } from '@sg/workflows/case/case.types';

const START_DEADLINE_MS = 5000;

/** Starts a case's workflow exactly once: the workflow id is the case id, and Temporal refuses a second. */
@Injectable()
export class CaseWorkflowStarter {
  private readonly logger = new Logger(CaseWorkflowStarter.name);

  constructor(
    private readonly temporal: TemporalClient,
    private readonly dataSource: DataSource,
    @Inject(lifecycleConfig.KEY) private readonly timings: ConfigType<typeof lifecycleConfig>,
  ) {}

  /** True once the workflow is running; false leaves the case for the relay to retry. */
  async tryStart(caseId: string): Promise<boolean> {
    const { client, config } = this.temporal;
    // The delays in force now go with the case (encrypted in its input): a later change applies to new cases only.
    const input: CaseWorkflowInput = { caseId, timings: this.timings };
    try {
      await client.connection.withDeadline(Date.now() + START_DEADLINE_MS, () =>
        client.workflow.start(CASE_WORKFLOW_TYPE, {
          workflowId: caseWorkflowId(caseId),
          taskQueue: config.taskQueue,
          args: [input],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        }),
      );
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) {
        this.logger.warn(`Workflow for case ${caseId} not started yet (${(error as Error).name}); will retry`);
        return false;
      }
    }
    await this.dataSource
      .getRepository(CaseEntity)
      .update({ id: caseId, workflowStartedAt: IsNull() }, { workflowStartedAt: new Date() });
    return true;
  }
}
