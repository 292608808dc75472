import { FormEvent, useCallback, useEffect, useState } from 'react';
import { call, get, post } from '../api/http';
import { ErrorSummary } from '../components/ErrorSummary';
import { Select, TextField } from '../components/Fields';
import { Layout } from '../components/Layout';
import { hasRole, useSignedIn } from '../session';
import { when } from '../words';

interface Shift {
  id: string;
  username: string;
  level: number;
  startsAt: string;
  endsAt: string;
}

const LEVELS: Record<string, string> = { '1': 'On call', '2': 'Supervisor', '3': 'Safeguarding lead' };
const iso = (local: string) => (local && !isNaN(+new Date(local)) ? new Date(local).toISOString() : local);

/** The on-call rota for the next week: who is paged first, second and third. Admins and supervisors keep it. */
export function RotaPage() {
  const session = useSignedIn();
  const keeper = hasRole(session, 'admin', 'supervisor');
  const [shifts, setShifts] = useState<Shift[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [username, setUsername] = useState('');
  const [level, setLevel] = useState('1');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const load = useCallback(async () => {
    try {
      setShifts((await get<{ items: Shift[] }>('/rota/shifts')).items);
    } catch (failure) {
      setError(failure);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const attempt = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      await load();
    } catch (failure) {
      setError(failure);
    }
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    void attempt(() =>
      post('/rota/shifts', {
        username: username.trim(),
        level: Number(level),
        startsAt: iso(startsAt),
        endsAt: iso(endsAt),
      }),
    );
  };
  return (
    <Layout title="On-call rota">
      <ErrorSummary error={error} />
      <table className="govuk-table" aria-label="Shifts in the next week">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Who
            </th>
            <th scope="col" className="govuk-table__header">
              Paged as
            </th>
            <th scope="col" className="govuk-table__header">
              From
            </th>
            <th scope="col" className="govuk-table__header">
              Until
            </th>
            {keeper && (
              <th scope="col" className="govuk-table__header">
                Cancel
              </th>
            )}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {shifts.map((s) => (
            <tr className="govuk-table__row" key={s.id}>
              <td className="govuk-table__cell">{s.username}</td>
              <td className="govuk-table__cell">{LEVELS[String(s.level)] ?? s.level}</td>
              <td className="govuk-table__cell">{when(s.startsAt)}</td>
              <td className="govuk-table__cell">{when(s.endsAt)}</td>
              {keeper && (
                <td className="govuk-table__cell">
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    onClick={() => void attempt(() => call('DELETE', `/rota/shifts/${s.id}`))}
                  >
                    Cancel<span className="govuk-visually-hidden"> the shift of {s.username}</span>
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {shifts.length === 0 && <p className="govuk-body">No shifts in the next week.</p>}
      {keeper && (
        <form onSubmit={add} noValidate aria-labelledby="add-shift">
          <h2 className="govuk-heading-m" id="add-shift">
            Add a shift
          </h2>
          <TextField label="Username" value={username} onChange={setUsername} width="20" />
          <Select
            label="Paged as"
            value={level}
            onChange={setLevel}
            options={Object.entries(LEVELS).map(([value, label]) => ({ value, label }))}
          />
          <TextField label="From" type="datetime-local" value={startsAt} onChange={setStartsAt} />
          <TextField label="Until" type="datetime-local" value={endsAt} onChange={setEndsAt} />
          <button className="govuk-button" type="submit">
            Add shift
          </button>
        </form>
      )}
    </Layout>
  );
}
