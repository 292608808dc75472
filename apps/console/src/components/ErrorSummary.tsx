import { useEffect, useRef } from 'react';
import { ApiError } from '../api/http';

/** GOV.UK error summary: what went wrong, in the API's words, focused so a screen reader reads it at once. */
export function ErrorSummary({ error, title = 'There is a problem' }: { error: unknown; title?: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [error]);
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const fields = error instanceof ApiError ? error.fields : [];
  return (
    <div className="govuk-error-summary" ref={box} tabIndex={-1} role="alert">
      <h2 className="govuk-error-summary__title">{title}</h2>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">{message}</p>
        {fields.length > 0 && (
          <ul className="govuk-list govuk-error-summary__list">
            {fields.map((f, i) => (
              <li key={i}>{f.message}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
