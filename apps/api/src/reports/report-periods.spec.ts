import { periodsOf, periodStart, rangeProblem, ReportRange } from './report-periods';

const range = (from: string, to: string, interval: ReportRange['interval'] = 'week'): ReportRange => ({
  from: new Date(from),
  to: new Date(to),
  interval,
});

const iso = (d: Date) => d.toISOString();

describe('report periods', () => {
  it('weeks start on Monday 00:00 UTC, months on the 1st', () => {
    expect(iso(periodStart(new Date('2026-11-22T23:59:59Z'), 'week'))).toBe('2026-11-16T00:00:00.000Z'); // a Sunday
    expect(iso(periodStart(new Date('2026-11-23T00:00:00Z'), 'week'))).toBe('2026-11-23T00:00:00.000Z'); // a Monday
    expect(iso(periodStart(new Date('2026-12-31T12:00:00Z'), 'month'))).toBe('2026-12-01T00:00:00.000Z');
  });

  it('lists every period the range touches, cut to the range', () => {
    const periods = periodsOf(range('2026-11-18T12:00:00Z', '2026-12-02T00:00:00Z'));
    expect(periods.map((p) => [p.key, iso(p.start), iso(p.end)])).toEqual([
      ['2026-11-16T00:00:00.000Z', '2026-11-18T12:00:00.000Z', '2026-11-23T00:00:00.000Z'],
      ['2026-11-23T00:00:00.000Z', '2026-11-23T00:00:00.000Z', '2026-11-30T00:00:00.000Z'],
      ['2026-11-30T00:00:00.000Z', '2026-11-30T00:00:00.000Z', '2026-12-02T00:00:00.000Z'],
    ]);
    const months = periodsOf(range('2026-01-31T00:00:00Z', '2026-03-01T00:00:00Z', 'month'));
    expect(months.map((p) => p.key)).toEqual(['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z']);
  });

  it.each([
    ['to before from', '2026-11-20T00:00:00Z', '2026-11-01T00:00:00Z', /later than from/],
    ['an empty range', '2026-11-20T00:00:00Z', '2026-11-20T00:00:00Z', /later than from/],
    ['a span of more than five years', '2020-01-01T00:00:00Z', '2026-01-01T00:00:00Z', /at most 1830 days/],
  ])('refuses %s', (_what, from, to, message) => {
    expect(rangeProblem(range(from, to))).toMatch(message);
  });

  it('accepts a range of up to five years', () => {
    expect(rangeProblem(range('2021-01-01T00:00:00Z', '2026-01-01T00:00:00Z'))).toBeUndefined();
  });
});
