import { Injectable, Logger } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { TemporalClient } from '@sg/temporal';
import { caseWorkflowId } from '@sg/workflows/case/case.types';
import {
  MISSING_WORKFLOW,
  ReconcileActivities,
  ReconcileRun,
  workflowResumedStepKey,
} from '@sg/workflows/reconcile/reconcile.types';
import { TypeOrmCaseLedger } from '../activities/case-ledger.typeorm';
import { writeSteps } from '../activities/case-record-steps';
import { reconcileOpenCases, workflowStoppedStep, WorkflowRunStatus } from './stopped-workflows';

/**
 * The reconciler's one activity: open cases (read model) whose workflow Temporal does not describe as running.
 * Cases the start relay has not started yet (workflow_started_at empty) are the relay's, not stopped.
 */
@Injectable()
export class CaseReconcilerActivities {
  private readonly logger = new Logger('reconciler');
  private readonly ledger: TypeOrmCaseLedger;

  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: TemporalClient,
  ) {
    this.ledger = new TypeOrmCaseLedger(dataSource);
  }

  async reconcileCases(): Promise<ReconcileRun> {
    const open: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM cases WHERE status <> 'CLOSED' AND workflow_started_at IS NOT NULL ORDER BY created_at`,
    );
    const run = await reconcileOpenCases(
      open.map((c) => c.id),
      (caseId) => this.describe(caseId),
      (caseId, found) => this.record(caseId, found),
    );
    if (run.stopped)
      this.logger.warn(
        `${run.stopped} of ${run.checked} open case(s) have no running workflow (${run.newlyLogged} new)`,
      );
    return run;
  }

  private async describe(caseId: string): Promise<WorkflowRunStatus> {
    try {
      const { status, runId } = await this.temporal.client.workflow.getHandle(caseWorkflowId(caseId)).describe();
      return { status: status.name, runId };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return { status: MISSING_WORKFLOW };
      throw error;
    }
  }

  /**
   * Logs the stopped run and opens its task, unless it was logged before, or meanwhile the case closed or someone
   * resumed that run (a task opened after the resume would stay open); true when newly logged.
   */
  private async record(caseId: string, found: WorkflowRunStatus): Promise<boolean> {
    const step = workflowStoppedStep(found);
    const logged = await this.ledger.transaction(async (tx) => {
      if ((await tx.findCase(caseId))?.status === 'CLOSED') return false;
      if (await tx.entryForStep(caseId, step.stepKey)) return false;
      if (await tx.entryForStep(caseId, workflowResumedStepKey(found.runId))) return false;
      await writeSteps(tx, caseId, [step]);
      return true;
    });
    if (logged) this.logger.warn(`Case ${caseId}: workflow ${found.status}; logged, supervisor task opened`);
    return logged;
  }
}

/** The activity as a plain function, bound to its instance, for Worker.create({ activities }). */
export const bindReconcilerActivities = (activities: CaseReconcilerActivities): ReconcileActivities => ({
  reconcileCases: () => activities.reconcileCases(),
});
