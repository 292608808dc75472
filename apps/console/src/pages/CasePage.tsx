import { ReactElement, useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { get } from '../api/http';
import type { CaseView, LogEntry, Session } from '../api/types';
import { Chronology } from '../components/Chronology';
import { Countdown } from '../components/Countdown';
import { ErrorSummary } from '../components/ErrorSummary';
import { Layout } from '../components/Layout';
import { useLiveEvents } from '../events';
import { hasRole, useSignedIn } from '../session';
import { AssessmentForm } from '../steps/AssessmentForm';
import { ReferralForm } from '../steps/ReferralForm';
import { ReviewForm } from '../steps/ReviewForm';
import { CheckInForm, FeedbackForm, InvolvementForm, ReleaseForm } from '../steps/SmallSteps';
import type { StepProps } from '../steps/step';
import { StepFeedback } from '../steps/StepFeedback';
import { useStep } from '../steps/useStep';
import { CHANNEL, FIELD, LEVEL, shortId, STATUS, TASK, when, word } from '../words';

const REVIEWERS: Record<string, string[]> = {
  EMERGENCY: ['on_call', 'supervisor'],
  NON_EMERGENCY: ['supervisor'],
  NONE: ['supervisor'],
};

const deferralWaiting = (view: CaseView) => {
  const last = [...view.notifications].reverse().find((n) => n.type.startsWith('notification.'));
  return last?.type === 'notification.deferred';
};

/** The forms for the steps this person may take now, given the case's status and their roles. */
function NextSteps(props: StepProps & { session: Session }) {
  const { view, session } = props;
  const officer = hasRole(session, 'officer');
  const reviewLevel = view.recommendation?.level ?? view.level ?? 'NONE';
  const forms: ReactElement[] = [];
  if (view.status === 'AWAITING_ASSESSMENT' && officer) forms.push(<AssessmentForm key="a" {...props} />);
  if (view.status === 'AWAITING_REVIEW' && hasRole(session, ...REVIEWERS[reviewLevel]))
    forms.push(<ReviewForm key="r" {...props} />);
  if (view.status === 'AWAITING_REFERRAL' && officer) forms.push(<ReferralForm key="ref" {...props} />);
  if (['AWAITING_REFERRAL', 'AWAITING_FEEDBACK'].includes(view.status) && officer) {
    if (view.openTasks.some((t) => t.kind === 'CHECK_IN')) forms.push(<CheckInForm key="c" {...props} />);
    if (view.status === 'AWAITING_FEEDBACK') forms.push(<FeedbackForm key="f" {...props} />);
    forms.push(<InvolvementForm key="i" {...props} />);
  }
  if (view.status !== 'CLOSED' && deferralWaiting(view) && hasRole(session, 'supervisor'))
    forms.push(<ReleaseForm key="rel" {...props} />);
  if (forms.length === 0) return <p className="govuk-body">There is no step for you to take on this case now.</p>;
  return <>{forms}</>;
}

function Disclosure({ view }: { view: CaseView }) {
  const identifying = Object.entries(view.identifying ?? {}).filter(([, v]) => v);
  return (
    <>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Status</dt>
          <dd className="govuk-summary-list__value">
            {word(STATUS, view.status)}
            {view.escalated && <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-2">Escalated</strong>}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Level</dt>
          <dd className="govuk-summary-list__value">{word(LEVEL, view.level)}</dd>
        </div>
        {view.status === 'AWAITING_REVIEW' && view.reviewDeadline && (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Review deadline</dt>
            <dd className="govuk-summary-list__value">
              {when(view.reviewDeadline)} (<Countdown deadline={view.reviewDeadline} />)
            </dd>
          </div>
        )}
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Channel</dt>
          <dd className="govuk-summary-list__value">{word(CHANNEL, view.channel)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Disclosed</dt>
          <dd className="govuk-summary-list__value">{when(view.occurredAt)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Age</dt>
          <dd className="govuk-summary-list__value">{view.subject.age ?? 'Not known'}</dd>
        </div>
        {identifying.map(([field, value]) => (
          <div className="govuk-summary-list__row" key={field}>
            <dt className="govuk-summary-list__key">{word(FIELD, field)}</dt>
            <dd className="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
      <h2 className="govuk-heading-m">Disclosure</h2>
      <p className="govuk-body">{view.summary}</p>
    </>
  );
}

function PriorCases({ view }: { view: CaseView }) {
  const prior =
    view.priorCases ?? (view.priorCaseIds ?? []).map((id) => ({ id, status: '', level: null, openedAt: '' }));
  if (prior.length === 0) return <p className="govuk-body">No earlier cases for this young person.</p>;
  return (
    <ul className="govuk-list">
      {prior.map((p) => (
        <li key={p.id}>
          <Link className="govuk-link" to={`/cases/${p.id}`}>
            Case {shortId(p.id)}
          </Link>
          {p.status && ` — ${word(STATUS, p.status)}, ${word(LEVEL, p.level)}, opened ${when(p.openedAt)}`}
        </li>
      ))}
    </ul>
  );
}

function OpenTasks({ view }: { view: CaseView }) {
  if (view.openTasks.length === 0) return <p className="govuk-body">No open tasks.</p>;
  return (
    <ul className="govuk-list govuk-list--bullet">
      {view.openTasks.map((t, i) => (
        <li key={i}>
          {word(TASK, t.kind)}
          {t.dueAt && <>, due {when(t.dueAt)}</>}
        </li>
      ))}
    </ul>
  );
}

/** One case: what was disclosed, what happened, and the next step this person can take. */
export function CasePage() {
  const { id = '' } = useParams();
  const session = useSignedIn();
  const [view, setView] = useState<CaseView | null>(null);
  const [entries, setEntries] = useState<LogEntry[]>([]);
  const [loadError, setLoadError] = useState<unknown>(null);

  const refresh = useCallback(async () => {
    try {
      const [found, log] = await Promise.all([
        get<CaseView>(`/cases/${id}`),
        get<{ entries: LogEntry[] }>(`/cases/${id}/log`),
      ]);
      setView(found);
      setEntries(log.entries);
      setLoadError(null);
    } catch (failure) {
      setLoadError(failure);
    }
  }, [id]);
  const step = useStep(id, refresh);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  useLiveEvents({
    onCase: (e) => e.id === id && void refresh(),
    onTask: (e) => e.caseId === id && void refresh(),
  });

  return (
    <Layout title={`Case ${shortId(id)}`}>
      <ErrorSummary error={loadError} title="This case could not be shown" />
      <StepFeedback error={step.error} done={step.done} />
      {view && (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-full">
            <Disclosure view={view} />
            <h2 className="govuk-heading-m">Next step</h2>
            <NextSteps view={view} session={session} send={step.send} busy={step.busy} />
            <h2 className="govuk-heading-m">Open tasks</h2>
            <OpenTasks view={view} />
            <h2 className="govuk-heading-m">Earlier cases</h2>
            <PriorCases view={view} />
            <h2 className="govuk-heading-m">Chronology</h2>
            <Chronology entries={entries} />
          </div>
        </div>
      )}
    </Layout>
  );
}
