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
   * A young person's read (through the platform) of what was shared, recorded in each case it showed: every entry
   * or none, written by one INSERT, as the read waits for it before it answers.
   */
  async recordRead(items: SharingHistoryItem[]): Promise<void> {
    const cases = [...new Set(items.map((item) => item.caseId))];
    await appendToEach(
      this.dataSource,
      cases.map((caseId) => ({
        caseId,
        stepKey: `case.viewed:${randomUUID()}`,
        actor: 'subject',
        type: 'case.viewed',
        data: { what: 'sharing-history' },
      })),
    );
  }

  async of(externalUserId: string): Promise<SharingHistoryItem[]> {
    // The partial index case_log_entries_sharing_idx holds exactly these types, so the rest of the log is never read.
    const rows: { case_id: string; seq: number; type: string; at: Date; data: Record<string, unknown> }[] =
      await this.dataSource.query(SHARING_HISTORY_SQL, [externalUserId]);
    const entries = rows.map((r) => ({ caseId: r.case_id, seq: r.seq, type: r.type, at: r.at, data: r.data }));
    return visibleReferrals(entries).map(({ caseId, at, data }) => toItem(caseId, at, data as unknown as ReferralData));
  }
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
