import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@sg/workflows/case/case.types';
import { acknowledgePageUpdate } from '@sg/workflows/paging/paging.messages';
import type { Acknowledgement } from '@sg/workflows/paging/paging.types';
import { DomainError } from '../common/domain-error';
import { CaseUpdates } from '../lifecycle/case-updates.service';
import { checkAcknowledge, WaitingReview } from './acknowledge-rule';

/**
 * Checks, from the read model, that the caller may take the waiting review, then sends the acknowledgement to the
 * case's workflow, whose validator checks again against its own state (the read model may lag by a step).
 */
@Injectable()
export class AcknowledgeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly updates: CaseUpdates,
  ) {}

  async acknowledge(caseId: string, actor: Actor): Promise<Acknowledgement> {
    checkAcknowledge(await this.waitingReview(caseId), actor);
    return this.updates.send(caseId, acknowledgePageUpdate, actor, {});
  }

  private async waitingReview(caseId: string): Promise<WaitingReview | undefined> {
    const [found]: { status: string; assessed_by: string | null }[] = await this.dataSource.query(
      `SELECT status, assessed_by FROM cases WHERE id = $1`,
      [caseId],
    );
    if (!found) throw new DomainError('CASE.NOT_FOUND', `No case with id ${caseId}`);
    if (found.status !== 'AWAITING_REVIEW') return undefined;
    const [requested]: { data: { requiredRoles?: string[] } }[] = await this.dataSource.query(
      `SELECT data FROM case_log_entries WHERE case_id = $1 AND type = 'review.requested' AND NOT (data ? 'kind')
        ORDER BY seq DESC LIMIT 1`,
      [caseId],
    );
    return { status: found.status, assessedBy: found.assessed_by, requiredRoles: requested?.data.requiredRoles ?? [] };
  }
}
