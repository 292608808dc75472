import { FormEvent, useEffect, useState } from 'react';
import { get } from '../api/http';
import { BarChart } from '../components/BarChart';
import { ErrorSummary } from '../components/ErrorSummary';
import { Select, TextField } from '../components/Fields';
import { Layout } from '../components/Layout';
import { LevelsByPeriod, PeriodDecisions } from '../components/LevelsByPeriod';
import { AGENCY, CHANNEL, LEVEL, word } from '../words';

interface Timing {
  count: number;
  p50Seconds: number | null;
  p95Seconds: number | null;
}

interface Summary {
  disclosures: { total: number; byChannel: Record<string, number> };
  decisions: { total: number; byLevel: Record<string, number>; byAgency: Record<string, number> };
  reviews: {
    timeToDecide: Record<string, Timing>;
    timeToAcknowledge: Record<string, Timing>;
    emergencyDecidedWithinDeadline: { decided: number; withinDeadline: number; share: number | null };
  };
  escalations: { total: number; byLevel: Record<string, number> };
  notifications: Record<string, number>;
  feedback: Record<string, number>;
}

const seconds = (s: number | null) => (s === null ? '—' : s < 120 ? `${s.toFixed(1)} s` : `${(s / 60).toFixed(1)} min`);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

function TimingTable({ caption, timings }: { caption: string; timings: Record<string, Timing> }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Level
          </th>
          <th scope="col" className="govuk-table__header">
            Reviews
          </th>
          <th scope="col" className="govuk-table__header">
            Median
          </th>
          <th scope="col" className="govuk-table__header">
            95th percentile
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {Object.entries(timings).map(([level, t]) => (
          <tr className="govuk-table__row" key={level}>
            <th scope="row" className="govuk-table__header">
              {word(LEVEL, level)}
            </th>
            <td className="govuk-table__cell">{t.count}</td>
            <td className="govuk-table__cell">{seconds(t.p50Seconds)}</td>
            <td className="govuk-table__cell">{seconds(t.p95Seconds)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Figures for the safeguarding lead: totals, times to decide, and where referrals went. */
export function ReportsPage() {
  const [from, setFrom] = useState(day(-30));
  const [to, setTo] = useState(day(1));
  const [interval, setInterval] = useState('week');
  const [summary, setSummary] = useState<Summary | null>(null);
  const [periods, setPeriods] = useState<PeriodDecisions[]>([]);
  const [shownInterval, setShownInterval] = useState('week');
  const [error, setError] = useState<unknown>(null);
  const query = `from=${from}T00:00:00Z&to=${to}T00:00:00Z&interval=${interval}`;
  const show = (range: string) =>
    get<{ interval: string; total: Summary; periods: PeriodDecisions[] }>(`/reports/summary?${range}`).then(
      (r) => (setSummary(r.total), setPeriods(r.periods), setShownInterval(r.interval), setError(null)),
      (failure: unknown) => setError(failure),
    );
  // the first range is shown on arrival; later ones when asked for, not on every keystroke
  const [firstQuery] = useState(query);
  useEffect(() => {
    void show(firstQuery);
  }, [firstQuery]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void show(query);
  };
  const downloadCsv = async () => {
    const response = await fetch(`/reports/summary?${query}`, { headers: { Accept: 'text/csv' } });
    if (!response.ok) return setError(new Error(`The figures could not be downloaded (${response.status}).`));
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = 'safeguarding-summary.csv';
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const within = summary?.reviews.emergencyDecidedWithinDeadline;
  return (
    <Layout title="Reports">
      <ErrorSummary error={error} />
      <form onSubmit={submit} noValidate className="govuk-!-margin-bottom-6">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-quarter">
            <TextField label="From" type="date" value={from} onChange={setFrom} />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <TextField label="To" type="date" value={to} onChange={setTo} />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <Select
              label="Periods"
              value={interval}
              onChange={setInterval}
              options={[
                { value: 'day', label: 'Days' },
                { value: 'week', label: 'Weeks' },
                { value: 'month', label: 'Months' },
              ]}
            />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <button className="govuk-button govuk-!-margin-top-6" type="submit">
              Show
            </button>
          </div>
        </div>
      </form>
      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void downloadCsv()}>
        Download these figures as CSV
      </button>
      {summary && (
        <>
          <dl className="govuk-summary-list">
            {[
              ['Disclosures', summary.disclosures.total],
              ['Decisions', summary.decisions.total],
              ['Escalations', summary.escalations.total],
              ['Emergencies decided in time', within ? `${within.withinDeadline} of ${within.decided}` : '—'],
            ].map(([k, v]) => (
              <div className="govuk-summary-list__row" key={String(k)}>
                <dt className="govuk-summary-list__key">{k}</dt>
                <dd className="govuk-summary-list__value">{v}</dd>
              </div>
            ))}
          </dl>
          <LevelsByPeriod periods={periods} interval={shownInterval} />
          <BarChart title="Disclosures by channel" counts={summary.disclosures.byChannel} words={CHANNEL} />
          <BarChart title="Decisions by level" counts={summary.decisions.byLevel} words={LEVEL} />
          <BarChart title="Referrals by agency" counts={summary.decisions.byAgency} words={AGENCY} />
          <TimingTable caption="Time to decide a review" timings={summary.reviews.timeToDecide} />
          <TimingTable caption="Time to acknowledge a page" timings={summary.reviews.timeToAcknowledge} />
        </>
      )}
    </Layout>
  );
}
