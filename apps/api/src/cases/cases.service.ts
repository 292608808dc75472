import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, LessThan, Not } from 'typeorm';
import { CaseLogStore, LogEntry } from '@sg/case-log';
import { CaseEntity, CaseTaskEntity } from '@sg/persistence';
import { DomainError } from '../common/domain-error';
import { CaseView, toCaseSummary, toCaseView } from './case-view';
import { ListCasesQuery } from './list-cases.query';
import { QUEUE_ORDER } from './queue-order';

/** A case page lists a young person's earlier cases; beyond this many, the oldest are left off. */
const MAX_PRIOR_CASES = 50;

/** Reads cases, their logs and tasks from PostgreSQL; never asks Temporal. */
@Injectable()
export class CasesService {
  private readonly log: CaseLogStore;

  constructor(private readonly dataSource: DataSource) {
    this.log = new CaseLogStore(dataSource);
  }

  /** The queue, most urgent first (queue-order.ts), filtered; each line with its count of open tasks. */
  async list(query: ListCasesQuery) {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const where = (sql: string, value: unknown) => conditions.push(sql.replace('?', `$${params.push(value)}`));
    if (query.status) where('c.status = ?', query.status);
    if (query.level) where('c.level = ?', query.level);
    if (query.escalated !== undefined) where('c.escalated = ?', query.escalated);
    const filter = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const page = `LIMIT $${params.length + 1} OFFSET $${params.length + 2}`;
    const [ordered, [{ total }]] = (await Promise.all([
      this.dataSource.query(`SELECT c.id FROM cases c ${filter} ORDER BY ${QUEUE_ORDER} ${page}`, [
        ...params,
        query.limit ?? 50,
        query.offset ?? 0,
      ]),
      this.dataSource.query(`SELECT count(*)::int AS total FROM cases c ${filter}`, params),
    ])) as [{ id: string }[], { total: number }[]];
    const ids = ordered.map((r) => r.id);
    if (!ids.length) return { items: [], total };
    const [cases, counts] = (await Promise.all([
      this.dataSource.getRepository(CaseEntity).findBy({ id: In(ids) }),
      this.dataSource.query(
        `SELECT case_id, count(*)::int AS n FROM case_tasks WHERE completed_at IS NULL AND case_id = ANY($1) GROUP BY case_id`,
        [ids],
      ),
    ])) as [CaseEntity[], { case_id: string; n: number }[]];
    const byId = new Map(cases.map((c) => [c.id, c]));
    const openTasks = new Map(counts.map((c) => [c.case_id, c.n]));
    return { items: ids.map((id) => toCaseSummary(byId.get(id)!, openTasks.get(id) ?? 0)), total };
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
      // The same young person on the same platform: their earlier cases, newest first.
      this.dataSource.getRepository(CaseEntity).find({
        where: {
          subjectExternalUserId: found.subjectExternalUserId,
          createdAt: LessThan(found.createdAt),
          id: Not(caseId),
        },
        select: { id: true, status: true, level: true, createdAt: true },
        order: { createdAt: 'DESC' },
        take: MAX_PRIOR_CASES,
      }),
    ]);
    return toCaseView(found, entries, openTasks, prior);
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
