import { FormEvent, ReactNode, useState } from 'react';
import { Checkbox, Fieldset, Radios, Select, TextArea, TextField } from '../components/Fields';
import { AGENCY, FIELD, INVOLVEMENT, word } from '../words';
import type { StepProps } from './step';

const SHAREABLE = Object.keys(FIELD);

function StepForm({
  title,
  children,
  onSubmit,
  busy,
  button,
}: {
  title: string;
  children: ReactNode;
  onSubmit(): void;
  busy: boolean;
  button: string;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  const id = title.toLowerCase().replace(/[^a-z]+/g, '-');
  return (
    <form onSubmit={submit} noValidate aria-labelledby={id} className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id={id}>
        {title}
      </h2>
      {children}
      <button type="submit" className="govuk-button" disabled={busy}>
        {button}
      </button>
    </form>
  );
}

export function InvolvementForm({ send, busy }: StepProps) {
  const [outcome, setOutcome] = useState('AGREED');
  const [fields, setFields] = useState<string[]>([]);
  const [note, setNote] = useState('');
  return (
    <StepForm
      title="Record involvement"
      button="Record involvement"
      busy={busy}
      onSubmit={() =>
        void send(
          'involvement',
          { outcome, note, ...(outcome === 'AGREED' ? { agreedFields: fields } : {}) },
          'Involvement recorded.',
        )
      }
    >
      <Radios
        legend="Was the young person involved?"
        value={outcome}
        onChange={setOutcome}
        options={Object.entries(INVOLVEMENT).map(([value, label]) => ({ value, label }))}
      />
      {outcome === 'AGREED' && (
        <Fieldset legend="What they agreed to share">
          <div className="govuk-checkboxes govuk-checkboxes--small">
            {SHAREABLE.map((f) => (
              <Checkbox
                key={f}
                label={word(FIELD, f)}
                checked={fields.includes(f)}
                onChange={(on) => setFields((now) => (on ? [...now, f] : now.filter((x) => x !== f)))}
              />
            ))}
          </div>
        </Fieldset>
      )}
      <TextArea label="Note" hint="For example why it was not possible." value={note} onChange={setNote} />
    </StepForm>
  );
}

export function CheckInForm({ send, busy }: StepProps) {
  const [note, setNote] = useState('');
  return (
    <StepForm
      title="Record the check-in"
      button="Record check-in"
      busy={busy}
      onSubmit={() => void send('check-in', { note }, 'Check-in recorded.')}
    >
      <TextArea label="How the young person is" value={note} onChange={setNote} />
    </StepForm>
  );
}

export function FeedbackForm({ view, send, busy }: StepProps) {
  const answered = new Set(
    view.feedback.filter((f) => f.type !== 'feedback.requested').map((f) => String(f.agency ?? '')),
  );
  const waiting = view.referrals.map((r) => r.agency).filter((a) => !answered.has(a));
  const [agency, setAgency] = useState(waiting[0] ?? '');
  const [feedback, setFeedback] = useState('');
  if (waiting.length === 0) return null;
  const chosen = waiting.includes(agency) ? agency : waiting[0];
  return (
    <StepForm
      title="Record feedback"
      button="Record feedback"
      busy={busy}
      onSubmit={() => void send('feedback', { agency: chosen, feedback }, 'Feedback recorded.')}
    >
      <Select
        label="From"
        value={chosen}
        onChange={setAgency}
        options={waiting.map((a) => ({ value: a, label: word(AGENCY, a) }))}
      />
      <TextArea label="What the agency told us" value={feedback} onChange={setFeedback} />
    </StepForm>
  );
}

export function ReleaseForm({ send, busy }: StepProps) {
  const [decision, setDecision] = useState('RELEASE');
  const [reason, setReason] = useState('');
  const [reviewAt, setReviewAt] = useState('');
  const body = () => {
    if (decision === 'RELEASE') return { decision, ...(reason.trim() ? { reason: reason.trim() } : {}) };
    const at = new Date(reviewAt);
    return { decision, reason: reason.trim(), reviewAt: isNaN(+at) ? reviewAt : at.toISOString() };
  };
  return (
    <StepForm
      title="Deferred notification"
      button="Record decision"
      busy={busy}
      onSubmit={() => void send('notification-release', body(), 'Decision on the deferred notification recorded.')}
    >
      <Radios
        legend="Can the young person be told now?"
        value={decision}
        onChange={setDecision}
        options={[
          { value: 'RELEASE', label: 'Yes: tell them now' },
          { value: 'EXTEND', label: 'No: defer again' },
        ]}
      />
      <TextArea label="Reason" value={reason} onChange={setReason} />
      {decision === 'EXTEND' && (
        <TextField label="Look at it again at" type="datetime-local" value={reviewAt} onChange={setReviewAt} />
      )}
    </StepForm>
  );
}
