import { FormEvent, useState } from 'react';
import { Checkbox, Fieldset, Radios, TextArea, TextField } from '../components/Fields';
import { hasRole, useSignedIn } from '../session';
import { AGENCY, LEVEL } from '../words';
import { Recommendation } from './Recommendation';
import type { StepProps } from './step';

const DECISIONS = [
  { value: 'APPROVE', label: 'Approve the recommendation' },
  { value: 'OVERRIDE', label: 'Override it', hint: 'Choose another level and agencies, and say why.' },
  { value: 'REQUEST_MORE_INFO', label: 'Ask for more information', hint: 'The case goes back to assessment.' },
];

/** "I have it": stops re-paging others while this person reviews; the deadline stays. */
function Acknowledge({ send, busy }: Pick<StepProps, 'send' | 'busy'>) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void send('acknowledge', {}, 'You have it: nobody else is paged for this review now.');
      }}
    >
      <button type="submit" className="govuk-button govuk-button--warning" disabled={busy}>
        I have it
      </button>
    </form>
  );
}

/** The review (four eyes): approve, override, or ask for more; optionally defer telling the young person. */
export function ReviewForm({ view, send, busy }: StepProps) {
  const session = useSignedIn();
  const [decision, setDecision] = useState('APPROVE');
  const [level, setLevel] = useState(view.recommendation?.level ?? 'NON_EMERGENCY');
  const [agencies, setAgencies] = useState<string[]>(view.recommendation?.agencies ?? []);
  const [reason, setReason] = useState('');
  const [defer, setDefer] = useState(false);
  const [deferReason, setDeferReason] = useState('');
  const [reviewAt, setReviewAt] = useState('');
  const assessor = view.assessment?.by;
  const emergency = view.recommendation?.level === 'EMERGENCY';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: Record<string, unknown> = { decision };
    if (reason.trim()) body.reason = reason.trim();
    if (decision === 'OVERRIDE') Object.assign(body, { level, agencies });
    if (defer && decision !== 'REQUEST_MORE_INFO') {
      const at = reviewAt ? new Date(reviewAt) : null;
      body.deferNotification = {
        reason: deferReason.trim(),
        reviewAt: at && !isNaN(+at) ? at.toISOString() : reviewAt,
      };
    }
    void send('review', body, 'Review recorded.');
  };

  return (
    <section aria-labelledby="review-heading">
      <h2 className="govuk-heading-m" id="review-heading">
        Review the decision
      </h2>
      <div className="govuk-inset-text">
        Four eyes: someone other than the person who assessed a case must review it.
        {assessor && <> This case was assessed by {assessor === session.username ? 'you' : assessor}.</>}
        {assessor === session.username && <> You cannot review it; ask a colleague.</>}
      </div>
      {view.recommendation && <Recommendation output={view.recommendation} />}
      {emergency && hasRole(session, 'on_call', 'supervisor') && <Acknowledge send={send} busy={busy} />}
      <form onSubmit={submit} noValidate>
        <Radios legend="Your decision" value={decision} options={DECISIONS} onChange={setDecision} />
        {decision === 'OVERRIDE' && (
          <>
            <Radios
              legend="Level"
              value={level}
              onChange={setLevel}
              options={Object.entries(LEVEL).map(([value, label]) => ({ value, label }))}
            />
            <Fieldset legend="Agencies">
              <div className="govuk-checkboxes govuk-checkboxes--small">
                {Object.entries(AGENCY).map(([code, label]) => (
                  <Checkbox
                    key={code}
                    label={label}
                    checked={agencies.includes(code)}
                    onChange={(on) => setAgencies((now) => (on ? [...now, code] : now.filter((a) => a !== code)))}
                  />
                ))}
              </div>
            </Fieldset>
          </>
        )}
        <TextArea
          label="Reason"
          hint="Needed to override, to ask for more information, and for any decision not to refer."
          value={reason}
          onChange={setReason}
        />
        {decision !== 'REQUEST_MORE_INFO' && (
          <div className="govuk-form-group">
            <div className="govuk-checkboxes govuk-checkboxes--small">
              <Checkbox
                label="Defer telling the young person"
                hint="When telling them could put them at risk, for example if the person harming them reads their messages."
                checked={defer}
                onChange={setDefer}
              />
            </div>
          </div>
        )}
        {defer && decision !== 'REQUEST_MORE_INFO' && (
          <>
            <TextArea label="Why telling them is deferred" value={deferReason} onChange={setDeferReason} />
            <TextField
              label="Look at it again at"
              hint="A supervisor is asked to decide again at this time (your local time)."
              type="datetime-local"
              value={reviewAt}
              onChange={setReviewAt}
            />
          </>
        )}
        <button type="submit" className="govuk-button" disabled={busy}>
          Record decision
        </button>
      </form>
    </section>
  );
}
