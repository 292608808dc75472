import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseLogStore, LogEntry } from '@sg/case-log';
import { CaseEntity } from '@sg/persistence';
import { DomainError } from '../common/domain-error';
import { CaseView, toCaseView } from './case-view';

/** Reads cases and their logs from PostgreSQL; never asks Temporal. */
@Injectable()
export class CasesService {
  private readonly log: CaseLogStore;

  constructor(private readonly dataSource: DataSource) {
    this.log = new CaseLogStore(dataSource);
  }

  async get(caseId: string): Promise<CaseView> {
    return toCaseView(await this.find(caseId));
  }

  async logOf(caseId: string): Promise<LogEntry[]> {
    await this.find(caseId);
    return this.log.entries(caseId);
  }

  private async find(caseId: string): Promise<CaseEntity> {
    const found = await this.dataSource.getRepository(CaseEntity).findOne({ where: { id: caseId } });
    if (!found) throw new DomainError('CASE.NOT_FOUND', `No case with id ${caseId}`);
    return found;
  }
}
