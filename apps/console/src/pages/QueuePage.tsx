import { FormEvent, useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { get } from '../api/http';
import type { CaseSummary, OpenTask } from '../api/types';
import { Countdown } from '../components/Countdown';
import { ErrorSummary } from '../components/ErrorSummary';
import { Select } from '../components/Fields';
import { Layout } from '../components/Layout';
import { useLiveEvents } from '../events';
import { LEVEL, shortId, STATUS, TASK, when, word } from '../words';

const FILTERS = ['status', 'level', 'escalated'] as const;

const isEmergencyReview = (c: CaseSummary) => c.status === 'AWAITING_REVIEW' && c.level === 'EMERGENCY';

/** Emergency reviews first, soonest deadline first; otherwise the API's order (most urgent first) stays. */
function urgentFirst(items: CaseSummary[]): CaseSummary[] {
  const emergencies = items
    .filter(isEmergencyReview)
    .sort((a, b) => (a.reviewDeadline ?? '').localeCompare(b.reviewDeadline ?? ''));
  return [...emergencies, ...items.filter((c) => !isEmergencyReview(c))];
}

function Filters() {
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState(() => Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setParams(Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== '')));
  };
  const any = { value: '', label: 'Any' };
  return (
    <form onSubmit={apply} className="govuk-!-margin-bottom-6" aria-label="Filter the queue">
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-quarter">
          <Select
            label="Status"
            value={draft.status}
            onChange={(status) => setDraft({ ...draft, status })}
            options={[any, ...Object.entries(STATUS).map(([value, label]) => ({ value, label }))]}
          />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <Select
            label="Level"
            value={draft.level}
            onChange={(level) => setDraft({ ...draft, level })}
            options={[any, ...Object.entries(LEVEL).map(([value, label]) => ({ value, label }))]}
          />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <Select
            label="Escalated"
            value={draft.escalated}
            onChange={(escalated) => setDraft({ ...draft, escalated })}
            options={[any, { value: 'true', label: 'Escalated only' }, { value: 'false', label: 'Not escalated' }]}
          />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-top-6">
            Apply filters
          </button>
        </div>
      </div>
    </form>
  );
}

function CasesTable({ cases }: { cases: CaseSummary[] }) {
  if (cases.length === 0) return <p className="govuk-body">No cases match.</p>;
  return (
    <table className="govuk-table" aria-label="Cases, most urgent first">
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Case
          </th>
          <th scope="col" className="govuk-table__header">
            Status
          </th>
          <th scope="col" className="govuk-table__header">
            Level
          </th>
          <th scope="col" className="govuk-table__header">
            Review deadline
          </th>
          <th scope="col" className="govuk-table__header">
            Open tasks
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {cases.map((c) => (
          <tr className="govuk-table__row" key={c.id} data-case-id={c.id}>
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={`/cases/${c.id}`}>
                Case {shortId(c.id)}
              </Link>
              {c.escalated && <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-2">Escalated</strong>}
            </td>
            <td className="govuk-table__cell">{word(STATUS, c.status)}</td>
            <td className="govuk-table__cell">{word(LEVEL, c.level)}</td>
            <td className="govuk-table__cell">
              {c.status === 'AWAITING_REVIEW' && c.reviewDeadline ? <Countdown deadline={c.reviewDeadline} /> : '—'}
            </td>
            <td className="govuk-table__cell">{c.openTasks}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TasksTable({ tasks }: { tasks: OpenTask[] }) {
  if (tasks.length === 0) return <p className="govuk-body">No open tasks.</p>;
  return (
    <table className="govuk-table" aria-label="Open tasks">
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Task
          </th>
          <th scope="col" className="govuk-table__header">
            Case
          </th>
          <th scope="col" className="govuk-table__header">
            Due
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {tasks.map((t) => (
          <tr className="govuk-table__row" key={t.id}>
            <td className="govuk-table__cell">{word(TASK, t.kind)}</td>
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={`/cases/${t.caseId}`}>
                Case {shortId(t.caseId)}
              </Link>
            </td>
            <td className="govuk-table__cell">{when(t.dueAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The queue: what needs doing, most urgent first, kept current by the API's events. */
export function QueuePage() {
  const [params] = useSearchParams();
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [tasks, setTasks] = useState<OpenTask[]>([]);
  const [error, setError] = useState<unknown>(null);
  const query = params.toString();

  const refresh = useCallback(async () => {
    try {
      const [list, open] = await Promise.all([
        get<{ items: CaseSummary[] }>(`/cases${query ? `?${query}` : ''}`),
        get<{ items: OpenTask[] }>('/tasks?status=open'),
      ]);
      setCases(urgentFirst(list.items));
      setTasks(open.items);
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  }, [query]);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  useLiveEvents({ onCase: () => void refresh(), onTask: () => void refresh() });

  return (
    <Layout title="Queue">
      <ErrorSummary error={error} />
      <Filters />
      <h2 className="govuk-heading-m">Cases</h2>
      {cases ? <CasesTable cases={cases} /> : <p className="govuk-body">Loading…</p>}
      <h2 className="govuk-heading-m">Open tasks</h2>
      <TasksTable tasks={tasks} />
    </Layout>
  );
}
