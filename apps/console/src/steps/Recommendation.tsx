import { RULES } from '../../../../libs/policy/src/rules';
import type { PolicyOutput } from '../api/types';
import { ACTION, AGENCY, FLAG, LEVEL, list, word } from '../words';

const SUMMARY = new Map<string, string>(RULES.map((r) => [r.id, r.summary]));

/** The policy's answer and why, in plain words: the level, who to tell, and each rule that fired. */
export function Recommendation({ output }: { output: PolicyOutput }) {
  return (
    <div className="app-recommendation">
      <p className="govuk-body">
        <strong>{word(LEVEL, output.level)}</strong>
        {output.agencies.length > 0 && <> — refer to {list(AGENCY, output.agencies)}</>}
      </p>
      {output.actions.length > 0 && <p className="govuk-body">Also: {list(ACTION, output.actions)}.</p>}
      {output.flags.length > 0 && <p className="govuk-body">Note: {list(FLAG, output.flags)}.</p>}
      <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">Why</p>
      <ul className="govuk-list govuk-list--bullet">
        {output.rules.map((id) => (
          <li key={id}>{SUMMARY.get(id) ?? id}</li>
        ))}
      </ul>
      {output.signposting.length > 0 && (
        <>
          <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">Signposting</p>
          <ul className="govuk-list">
            {output.signposting.map((s) => (
              <li key={s.name}>
                {s.name}: {s.contact}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
