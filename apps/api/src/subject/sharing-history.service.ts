import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseLogStore } from '@sg/case-log';
import { agencyInPlainWords, sharingInPlainWords } from './plain-words';

export interface SharingHistoryItem {
  caseId: string;
  agency: string;
  agencyName: string;
  sharedAt: string;
  sharedData: Record<string, string>;
  level: string;
  reason: string;
  explanation: string;
}

/**
 * What was shared about a young person, read from the case log's `referral.recorded` entries (the single source
 * of truth) for their own cases only. Referrals on a case whose notification a reviewer has deferred, because
 * telling them could put them at risk, appear only once the deferral is released.
 */
@Injectable()
export class SharingHistory {
  private readonly log: CaseLogStore;

  constructor(private readonly dataSource: DataSource) {
    this.log = new CaseLogStore(dataSource);
  }

  /** A young person's read (through the platform) of what was shared, recorded in each case it showed. */
  async recordRead(items: SharingHistoryItem[]): Promise<void> {
    for (const caseId of new Set(items.map((item) => item.caseId))) {
      await this.log.append({
        caseId,
        stepKey: `case.viewed:${randomUUID()}`,
        actor: 'subject',
        type: 'case.viewed',
        data: { what: 'sharing-history' },
      });
    }
  }

  async of(externalUserId: string): Promise<SharingHistoryItem[]> {
    const rows: {
      case_id: string;
      at: Date;
      data: { agency: string; sharedData: Record<string, string>; level: string; reason: string };
    }[] = await this.dataSource.query(
      `SELECT e.case_id, e.at, e.data
         FROM case_log_entries e JOIN cases c ON c.id = e.case_id
        WHERE c.subject_external_user_id = $1 AND e.type = 'referral.recorded'
          AND NOT EXISTS (SELECT 1 FROM case_log_entries d WHERE d.case_id = e.case_id AND d.type = 'notification.deferred'
                            AND NOT EXISTS (SELECT 1 FROM case_log_entries r WHERE r.case_id = d.case_id AND r.type = 'notification.released' AND r.seq > d.seq))
        ORDER BY e.at, e.case_id, e.seq`,
      [externalUserId],
    );
    return rows.map(({ case_id, at, data }) => ({
      caseId: case_id,
      agency: data.agency,
      agencyName: agencyInPlainWords(data.agency),
      sharedAt: at.toISOString(),
      sharedData: data.sharedData,
      level: data.level,
      reason: data.reason,
      explanation: sharingInPlainWords(data.agency, at.toISOString(), data.sharedData, data.reason),
    }));
  }
}
