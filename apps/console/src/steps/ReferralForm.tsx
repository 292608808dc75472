import { FormEvent, useState } from 'react';
import type { CaseView } from '../api/types';
import { Checkbox, Radios, Select, TextField } from '../components/Fields';
import { AGENCY, FIELD, word } from '../words';
import type { StepProps } from './step';

const SHAREABLE = ['name', 'dateOfBirth', 'phone', 'email', 'address', 'location', 'ipAddress', 'concernSummary'];

const METHODS = [
  { value: 'PHONE', label: 'Phone call', hint: '999 and 101 are always phoned; record the call here.' },
  { value: 'SECURE_EMAIL', label: 'Secure email' },
  { value: 'PORTAL', label: 'Agency portal' },
];

/** What the young person said about sharing each field, from the latest involvement recorded. */
function agreement(view: CaseView): (field: string) => string {
  const latest = view.involvement[view.involvement.length - 1];
  if (!latest) return () => 'Involvement not recorded yet';
  if (latest.outcome !== 'AGREED') return () => 'Not agreed';
  return (field) => ((latest.agreedFields ?? []).includes(field) ? 'Agreed to share' : 'Not agreed');
}

/**
 * A referral to one agency of the decision. Fields are pre-filled from the identifying details, but none is ticked:
 * each field shared is shared because someone ticked it, and only ticked fields are sent.
 */
export function ReferralForm({ view, send, busy }: StepProps) {
  const referred = new Set(view.referrals.map((r) => r.agency));
  const remaining = (view.decision?.agencies ?? []).filter((a) => !referred.has(a));
  const [agency, setAgency] = useState(remaining[0] ?? '');
  const [method, setMethod] = useState('PHONE');
  const [reference, setReference] = useState('');
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(SHAREABLE.map((f) => [f, view.identifying?.[f] ?? ''])),
  );
  const [ticked, setTicked] = useState<string[]>([]);
  const needsRemoval = (view.decision?.actions ?? []).includes('REMOVE_FROM_ROOM') && view.referrals.length === 0;
  const [removed, setRemoved] = useState(false);
  const agreed = agreement(view);

  if (remaining.length === 0) return null;
  const chosen = remaining.includes(agency) ? agency : remaining[0];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const sharedData = Object.fromEntries(ticked.map((f) => [f, values[f].trim()]));
    const body: Record<string, unknown> = { agency: chosen, method, sharedData };
    if (reference.trim()) body.agencyReference = reference.trim();
    if (needsRemoval) body.removedFromRoom = removed;
    void send('referrals', body, `Referral to ${word(AGENCY, chosen)} recorded.`);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="referral-heading">
      <h2 className="govuk-heading-m" id="referral-heading">
        Record a referral
      </h2>
      <Select
        label="Agency"
        value={chosen}
        onChange={setAgency}
        options={remaining.map((a) => ({ value: a, label: word(AGENCY, a) }))}
      />
      <Radios legend="How" value={method} onChange={setMethod} options={METHODS} />
      <TextField label="Agency reference (optional)" value={reference} onChange={setReference} width="20" />
      <h3 className="govuk-heading-s">What is shared</h3>
      <p className="govuk-body">Tick each detail you share. Nothing is shared unless it is ticked.</p>
      {SHAREABLE.map((f) => (
        <div className="app-share-row govuk-grid-row" key={f} data-field={f}>
          <div className="govuk-grid-column-one-quarter">
            <div className="govuk-checkboxes govuk-checkboxes--small">
              <Checkbox
                label={`Share ${word(FIELD, f).toLowerCase()}`}
                checked={ticked.includes(f)}
                onChange={(on) => setTicked((now) => (on ? [...now, f] : now.filter((x) => x !== f)))}
              />
            </div>
          </div>
          <div className="govuk-grid-column-one-half">
            <TextField label={word(FIELD, f)} value={values[f]} onChange={(v) => setValues({ ...values, [f]: v })} />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <p className="govuk-body-s govuk-!-margin-top-6">{agreed(f)}</p>
          </div>
        </div>
      ))}
      {needsRemoval && (
        <div className="govuk-form-group">
          <div className="govuk-checkboxes govuk-checkboxes--small">
            <Checkbox
              label="The young person has been removed from the group-chat room"
              checked={removed}
              onChange={setRemoved}
            />
          </div>
        </div>
      )}
      <button type="submit" className="govuk-button" disabled={busy}>
        Record referral
      </button>
    </form>
  );
}
