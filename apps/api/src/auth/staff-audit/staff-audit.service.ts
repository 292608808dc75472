import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { fromRow, StaffAuditEntry, StaffAuditRow } from './staff-audit-entry';
import { staffVerificationKey } from './staff-audit-signing';
import { StaffChainVerdict, verifyStaffChain } from './verify-staff-chain';

const VERIFY_BATCH = 5000;

/** The auditor's reads of the staff audit chain. */
@Injectable()
export class StaffAuditReader {
  constructor(private readonly dataSource: DataSource) {}

  async page(afterSeq: number, limit: number): Promise<StaffAuditEntry[]> {
    const rows = (await this.dataSource.query(
      'SELECT * FROM staff_audit_entries WHERE seq > $1 ORDER BY seq LIMIT $2',
      [afterSeq, limit],
    )) as StaffAuditRow[];
    return rows.map(fromRow);
  }

  async verify(): Promise<StaffChainVerdict> {
    const entries: StaffAuditEntry[] = [];
    for (let batch = await this.page(0, VERIFY_BATCH); batch.length;) {
      entries.push(...batch);
      batch = batch.length < VERIFY_BATCH ? [] : await this.page(batch[batch.length - 1].seq, VERIFY_BATCH);
    }
    return verifyStaffChain(entries, staffVerificationKey);
  }
}
