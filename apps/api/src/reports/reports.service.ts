import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { periodsOf, ReportInterval, ReportRange } from './report-periods';
import {
  acknowledgeTimesQuery,
  countsQuery,
  COUNTED_TYPES,
  decideTimesQuery,
  decisionsQuery,
  referralTimesQuery,
} from './report-queries';
import {
  addAcknowledgeTime,
  addCount,
  addDecideTime,
  addDecisions,
  addReferralTime,
  emptySummary,
  ReportSummary,
} from './report-summary';

export interface PeriodSummary extends ReportSummary {
  start: string;
  end: string;
}

export interface SummaryReport {
  from: string;
  to: string;
  interval: ReportInterval;
  /** every week or month the range touches, cut to the range; empty ones too, so charts have no gaps */
  periods: PeriodSummary[];
  /** the same figures over the whole range (percentiles of the whole range, not of the periods) */
  total: ReportSummary;
}

type Row = { period: Date };

/**
 * SPEC §8's report, computed from the case log alone: each figure falls in the period in which its entry was
 * written (a decision in the week it was decided, a referral in the week it was recorded).
 */
@Injectable()
export class ReportsService {
  constructor(private readonly dataSource: DataSource) {}

  async summary(range: ReportRange): Promise<SummaryReport> {
    const periods = periodsOf(range);
    const byPeriod = new Map(periods.map((p) => [p.key, emptySummary()]));
    const total = emptySummary();
    for (const by of [range.interval, 'whole'] as const) {
      const into = (row: Row) => (by === 'whole' ? total : byPeriod.get(row.period.toISOString()));
      const fill = async <R>(sql: string, add: (s: ReportSummary, row: R) => void, extra: unknown[] = []) => {
        const rows: (R & Row)[] = await this.dataSource.query(sql, [range.from, range.to, ...extra]);
        for (const row of rows) {
          const summary = into(row);
          if (summary) add(summary, row);
        }
      };
      await fill(countsQuery(by), addCount, [COUNTED_TYPES]);
      await fill(decisionsQuery(by), addDecisions);
      await fill(decideTimesQuery(by), addDecideTime);
      await fill(acknowledgeTimesQuery(by), addAcknowledgeTime);
      await fill(referralTimesQuery(by), addReferralTime);
    }
    return {
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      interval: range.interval,
      periods: periods.map(({ key, start, end }) => ({
        start: start.toISOString(),
        end: end.toISOString(),
        ...byPeriod.get(key)!,
      })),
      total,
    };
  }
}
