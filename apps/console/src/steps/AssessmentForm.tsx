import { FormEvent, useEffect, useState } from 'react';
import { INDICATORS } from '../../../../libs/policy/src/indicators';
import { post } from '../api/http';
import type { PolicyOutput } from '../api/types';
import { Checkbox, Fieldset, TextArea, TextField } from '../components/Fields';
import { Recommendation } from './Recommendation';
import type { StepProps } from './step';

/** The assessment: indicators and facts, with the policy's recommendation recomputed (a dry run) as they change. */
export function AssessmentForm({ view, send, busy }: StepProps) {
  const [indicators, setIndicators] = useState<string[]>([]);
  const [age, setAge] = useState(view.subject.age === null ? '' : String(view.subject.age));
  const [adultAtRisk, setAdultAtRisk] = useState(false);
  const [declaredSafe, setDeclaredSafe] = useState(false);
  const [informationComplete, setInformationComplete] = useState(false);
  const [hasSocialWorker, setHasSocialWorker] = useState(false);
  const [notes, setNotes] = useState('');
  const [preview, setPreview] = useState<PolicyOutput | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);

  const ageNumber = /^\d{1,3}$/.test(age.trim()) ? Number(age.trim()) : undefined;
  const facts = {
    ...(ageNumber === undefined ? {} : { age: ageNumber }),
    adultAtRisk,
    indicators,
    declaredSafe,
    informationComplete,
    hasSocialWorker,
  };
  const factsKey = JSON.stringify(facts);

  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      post<PolicyOutput>('/policy/evaluate', { occurredAt: view.occurredAt, channel: view.channel, ...facts }).then(
        (output) => current && (setPreview(output), setPreviewError(null)),
        (failure: Error) => current && setPreviewError(failure.message),
      );
    }, 150);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
    // factsKey stands for facts: one dry run per change of what was ticked or typed
  }, [factsKey, view.occurredAt, view.channel]);

  const toggle = (code: string, on: boolean) =>
    setIndicators((now) => (on ? [...now, code] : now.filter((c) => c !== code)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send('assessment', { ...facts, notes }, 'Assessment recorded: the case now waits for review.');
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="assessment-heading">
      <h2 className="govuk-heading-m" id="assessment-heading">
        Assess the risk
      </h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <Fieldset legend="Indicators" hint="Tick every one the disclosure shows.">
            <div className="govuk-checkboxes govuk-checkboxes--small">
              {INDICATORS.map((d) => (
                <Checkbox
                  key={d.code}
                  label={d.meaning.charAt(0).toUpperCase() + d.meaning.slice(1)}
                  hint={'ageLimit' in d ? `${d.code} (${d.ageLimit.description})` : d.code}
                  checked={indicators.includes(d.code)}
                  onChange={(on) => toggle(d.code, on)}
                />
              ))}
            </div>
          </Fieldset>
          <TextField
            label="Age"
            hint="Whole years; leave empty when not known"
            value={age}
            onChange={setAge}
            width="3"
            inputMode="numeric"
          />
          <Fieldset legend="What we know">
            <div className="govuk-checkboxes govuk-checkboxes--small">
              <Checkbox label="Adult at risk" checked={adultAtRisk} onChange={setAdultAtRisk} />
              <Checkbox label={'They said "I\'m safe"'} checked={declaredSafe} onChange={setDeclaredSafe} />
              <Checkbox
                label="The information is complete"
                checked={informationComplete}
                onChange={setInformationComplete}
              />
              <Checkbox label="They have a social worker" checked={hasSocialWorker} onChange={setHasSocialWorker} />
            </div>
          </Fieldset>
          <TextArea label="Notes" value={notes} onChange={setNotes} />
          <button type="submit" className="govuk-button" disabled={busy}>
            Submit assessment
          </button>
        </div>
        <div className="govuk-grid-column-one-third">
          <div aria-live="polite">
            <h3 className="govuk-heading-s">Recommendation so far</h3>
            {previewError ? (
              <p className="govuk-body">{previewError}</p>
            ) : preview ? (
              <Recommendation output={preview} />
            ) : (
              <p className="govuk-body">Working it out…</p>
            )}
          </div>
        </div>
      </div>
    </form>
  );
}
