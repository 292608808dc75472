import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { lifecycleConfig } from '@sg/config';
import { CaseEntity } from '@sg/persistence';
import { emergencyActions, policyCalendarFromEnv } from '@sg/policy';
import { TemporalClient } from '@sg/temporal';
import {
  CASE_WORKFLOW_TYPE,
  caseWorkflowId,
  type CaseStatus,
  type CaseWorkflowInput,
} from '@sg/workflows/case/case.types';
import { MISSING_WORKFLOW } from '@sg/workflows/reconcile/reconcile.types';
import { DomainError } from '../common/domain-error';
import { caseStateFromLog, StateEntry } from './case-state-from-log';

export interface ResumedCase {
  caseId: string;
  /** the status the new run carries on from */
  status: CaseStatus;
  /** how the stopped run had ended (TERMINATED, FAILED, TIMED_OUT, …, or MISSING) */
  resumedFrom: string;
}

/**
 * An operator's resume of an open case whose workflow is not running: a new run of `case-<id>`, starting from the
 * state its log records (docs/operations.md). The new run logs `case.workflow_resumed` and completes the
 * reconciler's task for the stopped run.
 */
@Injectable()
export class CaseResume {
  private readonly logger = new Logger('resume');
  private readonly calendar = policyCalendarFromEnv(process.env);

  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: TemporalClient,
    @Inject(lifecycleConfig.KEY) private readonly timings: ConfigType<typeof lifecycleConfig>,
  ) {}

  async resume(caseId: string, by: string): Promise<ResumedCase> {
    const found = await this.dataSource.getRepository(CaseEntity).findOne({ where: { id: caseId } });
    if (!found) throw new DomainError('CASE.NOT_FOUND', 'No such case');
    if (found.status === 'CLOSED')
      throw new DomainError('CASE.CLOSED', 'The case is closed; there is nothing to resume');
    if (!found.workflowStartedAt)
      throw new DomainError('CASE.WORKFLOW_PENDING', 'The case is waiting for its first workflow start; try shortly');
    const stopped = await this.stoppedRun(caseId);

    const entries: StateEntry[] = await this.dataSource.query(
      'SELECT type, actor, data FROM case_log_entries WHERE case_id = $1 ORDER BY seq',
      [caseId],
    );
    const state = caseStateFromLog(caseId, entries, (input) => emergencyActions(input, this.calendar));
    // Each step writes its log entry and the read model in one transaction, so they agree unless someone edited one.
    if (state.status !== found.status)
      throw new DomainError('CASE.RESUME_INCONSISTENT', 'The case log and the case record disagree on its status');

    const input: CaseWorkflowInput = {
      caseId,
      timings: this.timings,
      carried: { state, usedRequestIds: [] },
      resumedFrom: { ...(stopped.runId ? { runId: stopped.runId } : {}), workflowStatus: stopped.status, by },
    };
    const { client, config } = this.temporal;
    try {
      await client.workflow.start(CASE_WORKFLOW_TYPE, {
        workflowId: caseWorkflowId(caseId),
        taskQueue: config.taskQueue,
        args: [input],
        workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError)
        throw new DomainError('CASE.WORKFLOW_RUNNING', 'The case workflow is already running');
      throw this.unavailable(error);
    }
    this.logger.log(`Case ${caseId}: workflow resumed at ${state.status} (was ${stopped.status})`);
    return { caseId, status: state.status, resumedFrom: stopped.status };
  }

  /** The latest run, which must not be running. */
  private async stoppedRun(caseId: string): Promise<{ status: string; runId?: string }> {
    try {
      const { status, runId } = await this.temporal.client.workflow.getHandle(caseWorkflowId(caseId)).describe();
      if (status.name === 'RUNNING') throw new DomainError('CASE.WORKFLOW_RUNNING', 'The case workflow is running');
      return { status: status.name, runId };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return { status: MISSING_WORKFLOW };
      if (error instanceof DomainError) throw error;
      throw this.unavailable(error);
    }
  }

  private unavailable(error: unknown): DomainError {
    this.logger.warn(`Resume failed: ${(error as Error).name}`);
    return new DomainError('WORKFLOW_ENGINE.UNAVAILABLE', 'The workflow engine did not answer; try again shortly');
  }
}
