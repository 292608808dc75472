import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendToEach } from '@sg/case-log';
import { agencyInPlainWords, sharingInPlainWords } from './plain-words';
import { SHARING_HISTORY_SQL, visibleReferrals } from './visible-referrals';

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
 * of truth) for their own cases only, less those a reviewer has held back (`visibleReferrals`).
 */
@Injectable()
export class SharingHistory {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A young person's read (through the platform) of what was shared, recorded in each case it shows before it is
   * answered: every `case.viewed` or none, written by one INSERT after the cases' heads read with the history.
   */
  async readRecorded(externalUserId: string): Promise<SharingHistoryItem[]> {
    // The partial index case_log_entries_sharing_idx holds exactly these types, so the rest of the log is never read.
    const rows: SharingRow[] = await this.dataSource.query(SHARING_HISTORY_SQL, [externalUserId]);
    const entries = rows.map((r) => ({ caseId: r.case_id, seq: r.seq, type: r.type, at: r.at, data: r.data }));
    const items = visibleReferrals(entries).map(({ caseId, at, data }) =>
      toItem(caseId, at, data as unknown as ReferralData),
    );
    const heads = new Map(rows.map((r) => [r.case_id, { seq: r.head_seq, hash: r.head_hash }]));
    await appendToEach(
      this.dataSource,
      [...new Set(items.map((item) => item.caseId))].map((caseId) => ({
        caseId,
        stepKey: `case.viewed:${randomUUID()}`,
        actor: 'subject',
        type: 'case.viewed',
        data: { what: 'sharing-history' },
      })),
      heads,
    );
    return items;
  }
}

interface SharingRow {
  case_id: string;
  seq: number;
  type: string;
  at: Date;
  data: Record<string, unknown>;
  head_seq: number;
  head_hash: string;
}

interface ReferralData {
  agency: string;
  sharedData: Record<string, string>;
  level: string;
  reason: string;
}

function toItem(caseId: string, at: Date, data: ReferralData): SharingHistoryItem {
  return {
    caseId,
    agency: data.agency,
    agencyName: agencyInPlainWords(data.agency),
    sharedAt: at.toISOString(),
    sharedData: data.sharedData,
    level: data.level,
    reason: data.reason,
    explanation: sharingInPlainWords(data.agency, at.toISOString(), data.sharedData, data.reason),
  };
}
