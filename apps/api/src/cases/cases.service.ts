import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, LessThan, Not } from 'typeorm';
import { CaseLogStore, LogEntry } from '@sg/case-log';
import { CaseEntity, CaseTaskEntity } from '@sg/persistence';
import { DomainError } from '../common/domain-error';
import { CaseView, toCaseSummary, toCaseView } from './case-view';
import { ListCasesQuery } from './list-cases.query';

/** Reads cases, their logs and tasks from PostgreSQL; never asks Temporal. */
@Injectable()
export class CasesService {
  private readonly log: CaseLogStore;

  constructor(private readonly dataSource: DataSource) {
    this.log = new CaseLogStore(dataSource);
  }

  async list(query: ListCasesQuery) {
    const where = {
      ...(query.status ? { status: query.status } : {}),
      ...(query.level ? { level: query.level } : {}),
      ...(query.escalated === undefined ? {} : { escalated: query.escalated }),
    };
    const [cases, total] = await this.dataSource
      .getRepository(CaseEntity)
      .findAndCount({ where, order: { createdAt: 'ASC' }, take: query.limit ?? 50, skip: query.offset ?? 0 });
    const counts: { case_id: string; n: number }[] = cases.length
      ? await this.dataSource.query(
          `SELECT case_id, count(*)::int AS n FROM case_tasks WHERE completed_at IS NULL AND case_id = ANY($1) GROUP BY case_id`,
          [cases.map((c) => c.id)],
        )
      : [];
    const openTasks = new Map(counts.map((c) => [c.case_id, c.n]));
    return { items: cases.map((c) => toCaseSummary(c, openTasks.get(c.id) ?? 0)), total };
  }

  /** A staff read of a case: recorded as `case.viewed` (SPEC §4), then answered. */
  async view(caseId: string, viewer: string): Promise<CaseView> {
    const found = await this.find(caseId);
    await this.recordView(caseId, viewer, 'case');
    return this.project(found);
  }

  private async project(found: CaseEntity): Promise<CaseView> {
    const caseId = found.id;
    const [entries, openTasks, prior] = await Promise.all([
      this.log.entries(caseId),
      this.dataSource
        .getRepository(CaseTaskEntity)
        .find({ where: { caseId, completedAt: IsNull() }, order: { createdAt: 'ASC' } }),
      this.dataSource.getRepository(CaseEntity).find({
        where: {
          subjectExternalUserId: found.subjectExternalUserId,
          createdAt: LessThan(found.createdAt),
          id: Not(caseId),
        },
        select: { id: true },
        order: { createdAt: 'ASC' },
      }),
    ]);
    return toCaseView(
      found,
      entries,
      openTasks,
      prior.map((c) => c.id),
    );
  }

  /** A staff read of a case's log: recorded as `case.viewed` first, so the answer includes that entry too. */
  async logOf(caseId: string, viewer: string): Promise<LogEntry[]> {
    await this.find(caseId);
    await this.recordView(caseId, viewer, 'log');
    return this.log.entries(caseId);
  }

  private async recordView(caseId: string, viewer: string, what: 'case' | 'log'): Promise<void> {
    await this.log.append({
      caseId,
      stepKey: `case.viewed:${randomUUID()}`,
      actor: viewer,
      type: 'case.viewed',
      data: { what },
    });
  }

  private async find(caseId: string): Promise<CaseEntity> {
    const found = await this.dataSource.getRepository(CaseEntity).findOne({ where: { id: caseId } });
    if (!found) throw new DomainError('CASE.NOT_FOUND', `No case with id ${caseId}`);
    return found;
  }
}
