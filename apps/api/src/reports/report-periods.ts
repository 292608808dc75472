export const REPORT_INTERVALS = ['week', 'month'] as const;
export type ReportInterval = (typeof REPORT_INTERVALS)[number];

/** Longer ranges are refused: years of weekly figures is a query nobody means, and a cheap way to load the database. */
export const MAX_REPORT_DAYS = 5 * 366;
const DAY_MS = 86_400_000;

export interface ReportRange {
  from: Date;
  to: Date;
  interval: ReportInterval;
}

/** Why a range cannot be reported on, or undefined when it can. */
export function rangeProblem({ from, to }: Pick<ReportRange, 'from' | 'to'>): string | undefined {
  const span = to.getTime() - from.getTime();
  if (!(span > 0)) return 'to must be later than from';
  if (span > MAX_REPORT_DAYS * DAY_MS) return `A report covers at most ${MAX_REPORT_DAYS} days`;
  return undefined;
}

/** Where the week or month holding `instant` starts (UTC), as PostgreSQL's date_trunc(…, 'UTC') has it. */
export function periodStart(instant: Date, interval: ReportInterval): Date {
  const d = new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
  if (interval === 'month') return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - sinceMonday * DAY_MS);
}

function nextPeriod(start: Date, interval: ReportInterval): Date {
  return interval === 'month'
    ? new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1))
    : new Date(start.getTime() + 7 * DAY_MS);
}

export interface Period {
  /** the calendar week or month's start: the key the database groups by */
  key: string;
  /** the part of it inside the range */
  start: Date;
  end: Date;
}

/** Every week or month the range touches, in order, each cut to the range. */
export function periodsOf({ from, to, interval }: ReportRange): Period[] {
  const periods: Period[] = [];
  for (let start = periodStart(from, interval); start < to; start = nextPeriod(start, interval)) {
    const end = nextPeriod(start, interval);
    periods.push({
      key: start.toISOString(),
      start: start < from ? from : start,
      end: end > to ? to : end,
    });
  }
  return periods;
}
