import { ErrorSummary } from '../components/ErrorSummary';

/** What came of the last attempt at a step: the refusal in the API's words, or a short confirmation. */
export function StepFeedback({ error, done }: { error: unknown; done: string | null }) {
  if (error) return <ErrorSummary error={error} title="This step was not recorded" />;
  if (!done) return null;
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="status">
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{done}</p>
      </div>
    </div>
  );
}
