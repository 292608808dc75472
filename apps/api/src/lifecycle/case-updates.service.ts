import { Injectable, Logger } from '@nestjs/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { UpdateDefinition } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { CaseEntity } from '@sg/persistence';
import { TemporalClient } from '@sg/temporal';
import { ActedInput, Actor, caseWorkflowId } from '@sg/workflows/case/case.types';
import { DomainError, DomainErrorCode } from '../common/domain-error';

const REFUSALS: Record<string, DomainErrorCode> = {
  NOT_CURRENT_STEP: 'CASE.NOT_CURRENT_STEP',
  FORBIDDEN: 'CASE.FORBIDDEN',
  INVALID: 'CASE.INVALID',
};

/**
 * Sends a step to the case's workflow as a Temporal update. The workflow's validators decide whether the
 * step is the case's current one; their refusals come back as domain errors and nothing is written.
 */
@Injectable()
export class CaseUpdates {
  private readonly logger = new Logger(CaseUpdates.name);

  constructor(
    private readonly temporal: TemporalClient,
    private readonly dataSource: DataSource,
  ) {}

  async send<Result, Input>(
    caseId: string,
    update: UpdateDefinition<Result, [ActedInput<Input>]>,
    actor: Actor,
    input: Input,
  ): Promise<Result> {
    const found = await this.dataSource
      .getRepository(CaseEntity)
      .findOne({ where: { id: caseId }, select: { id: true, status: true, workflowStartedAt: true } });
    if (!found) throw new DomainError('CASE.NOT_FOUND', `No case with id ${caseId}`);
    if (found.status === 'CLOSED') throw new DomainError('CASE.CLOSED', 'The case is closed');
    if (!found.workflowStartedAt)
      throw new DomainError('CASE.WORKFLOW_PENDING', 'The case is waiting for the workflow engine; try again shortly');

    const handle = this.temporal.client.workflow.getHandle(caseWorkflowId(caseId));
    try {
      // A plain copy: the DTO instance's prototype means nothing to the workflow.
      return await handle.executeUpdate(update, {
        args: [{ actor, input: JSON.parse(JSON.stringify(input)) as Input }],
      });
    } catch (error) {
      throw this.refusal(caseId, error);
    }
  }

  private refusal(caseId: string, error: unknown): DomainError {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      const code = REFUSALS[error.cause.type ?? ''];
      if (code) return new DomainError(code, error.cause.message);
    }
    if (error instanceof WorkflowNotFoundError || /already completed/i.test((error as Error).message ?? '')) {
      return new DomainError('CASE.CLOSED', 'The case is closed');
    }
    this.logger.warn(`Update to case ${caseId} failed: ${(error as Error).name}`);
    return new DomainError(
      'WORKFLOW_ENGINE.UNAVAILABLE',
      'The workflow engine did not accept the step; nothing was recorded. Try again shortly.',
    );
  }
}
