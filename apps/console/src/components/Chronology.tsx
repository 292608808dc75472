import type { LogEntry } from '../api/types';
import { actorWords, describeEntry } from '../chronology-words';
import { when } from '../words';

/** Every log entry of the case, in order, in plain words with who and when. */
export function Chronology({ entries }: { entries: LogEntry[] }) {
  return (
    <table className="govuk-table" aria-label="Chronology">
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            #
          </th>
          <th scope="col" className="govuk-table__header">
            When
          </th>
          <th scope="col" className="govuk-table__header">
            Who
          </th>
          <th scope="col" className="govuk-table__header">
            What happened
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {entries.map((e) => (
          <tr className="govuk-table__row" key={e.seq} data-entry-type={e.type}>
            <td className="govuk-table__cell">{e.seq}</td>
            <td className="govuk-table__cell">{when(e.at)}</td>
            <td className="govuk-table__cell">{actorWords(e.actor)}</td>
            <td className="govuk-table__cell">{describeEntry(e)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
