import type { ReportSummary } from './report-summary';
import type { SummaryReport } from './reports.service';

const HEADER = 'scope,period_start,period_end,measure,value';

/** `decisions.byLevel.EMERGENCY` → 3: every figure of a summary, one per line. */
function figures(value: unknown, path: string[] = []): [string, number | null][] {
  if (value === null || typeof value === 'number') return [[path.join('.'), value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => figures(inner, [...path, key]));
}

/** Quotes a cell that needs it, and defuses one a spreadsheet would run as a formula. */
function cell(text: string): string {
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const rows = (scope: string, start: string, end: string, summary: ReportSummary) =>
  figures(summary).map(([measure, value]) => [scope, start, end, measure, value ?? ''].map(String).map(cell).join(','));

/** The report in long form (one figure per row), for spreadsheets: each period's figures, then the whole range's. */
export function reportCsv(report: SummaryReport): string {
  const lines = [
    HEADER,
    ...report.periods.flatMap(({ start, end, ...summary }) => rows('period', start, end, summary)),
    ...rows('total', report.from, report.to, report.total),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
