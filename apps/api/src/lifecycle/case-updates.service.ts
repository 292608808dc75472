import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { CaseEntity } from '@sg/persistence';
import { TemporalClient } from '@sg/temporal';
import { Actor, caseWorkflowId, CaseUpdate } from '@sg/workflows/case/case.types';
import { DomainError } from '../common/domain-error';
import { deliverUpdate } from './update-delivery';
import { failureOf, refusalOf } from './update-refusals';

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

  /** `actor` is the authenticated principal (ActingUser); nothing in the request body can name another. */
  async send<Result, Input>(
    caseId: string,
    update: UpdateDefinition<Result, [CaseUpdate<Input>]>,
    actor: Actor,
    input: Input,
  ): Promise<Result> {
    const found = await this.findCase(caseId);
    if (!found) throw new DomainError('CASE.NOT_FOUND', `No case with id ${caseId}`);
    if (found.status === 'CLOSED') throw new DomainError('CASE.CLOSED', 'The case is closed');
    if (!found.workflowStartedAt)
      throw new DomainError('CASE.WORKFLOW_PENDING', 'The case is waiting for the workflow engine; try again shortly');

    // Bound to this case and usable once; the request id is also the update id, so Temporal runs it at most once,
    // however often deliverUpdate sends it.
    const requestId = randomUUID();
    const envelope: CaseUpdate<Input> = {
      caseId,
      requestId,
      actor: { username: actor.username, roles: [...actor.roles] },
      // A plain copy: the DTO instance's prototype means nothing to the workflow.
      input: JSON.parse(JSON.stringify(input)) as Input,
    };
    const handle = this.temporal.client.workflow.getHandle(caseWorkflowId(caseId));
    try {
      return await deliverUpdate(() => handle.executeUpdate(update, { args: [envelope], updateId: requestId }));
    } catch (error) {
      throw await this.failure(caseId, error);
    }
  }

  private async failure(caseId: string, error: unknown): Promise<DomainError> {
    const refused = refusalOf(error);
    if (refused) return refused;
    const failure = await failureOf(error, async () => (await this.findCase(caseId))?.status === 'CLOSED');
    this.logger.warn(`Step on case ${caseId} not taken: ${(error as Error).name} (${failure.code})`);
    return failure;
  }

  private findCase(caseId: string): Promise<CaseEntity | null> {
    return this.dataSource
      .getRepository(CaseEntity)
      .findOne({ where: { id: caseId }, select: { id: true, status: true, workflowStartedAt: true } });
  }
}
