import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { auditCaseLog, checkpointsOf, LogAudit, SignedLogEntry, signedEntriesOf } from '@sg/case-log';
import { DomainError } from '../common/domain-error';
import { AuditKeys } from './audit-keys';

/** Checks a case's log against SPEC §4's hash rule, the entry signatures and the signed checkpoints. */
@Injectable()
export class LogAuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: AuditKeys,
  ) {}

  async verify(caseId: string): Promise<LogAudit> {
    const found: unknown[] = await this.dataSource.query('SELECT 1 FROM cases WHERE id = $1', [caseId]);
    if (!found.length) throw new DomainError('CASE.NOT_FOUND', `No case with id ${caseId}`);
    return (await this.load(caseId)).audit;
  }

  async load(caseId: string): Promise<{ entries: SignedLogEntry[]; audit: LogAudit }> {
    // Checkpoints first: a checkpoint is written only after its head entry was committed, so the entries read
    // next always include every checkpointed one, and a concurrent checkpoint cannot look like a truncation.
    const checkpoints = await checkpointsOf(this.dataSource.manager, caseId);
    const entries = await signedEntriesOf(this.dataSource.manager, caseId);
    return { entries, audit: auditCaseLog(caseId, entries, checkpoints, this.keys.publicKeys) };
  }
}
