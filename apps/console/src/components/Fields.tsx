import { ReactNode, useId } from 'react';

/** GOV.UK form fields, each with its label tied to its input. */

interface TextProps {
  label: string;
  value: string;
  onChange(value: string): void;
  type?: string;
  hint?: string;
  autoComplete?: string;
  width?: string;
  name?: string;
  inputMode?: 'numeric' | 'text';
}

export function TextField({
  label,
  value,
  onChange,
  type = 'text',
  hint,
  autoComplete,
  width,
  name,
  inputMode,
}: TextProps) {
  const id = useId();
  return (
    <div className="govuk-form-group">
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="govuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <input
        className={`govuk-input${width ? ` govuk-input--width-${width}` : ''}`}
        id={id}
        name={name}
        type={type}
        value={value}
        inputMode={inputMode}
        autoComplete={autoComplete}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

export function TextArea({ label, value, onChange, hint }: Omit<TextProps, 'type'>) {
  const id = useId();
  return (
    <div className="govuk-form-group">
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="govuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <textarea
        className="govuk-textarea"
        id={id}
        rows={4}
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

interface CheckboxProps {
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: ReactNode;
}

export function Checkbox({ label, checked, onChange, hint }: CheckboxProps) {
  const id = useId();
  return (
    <div className="govuk-checkboxes__item">
      <input
        className="govuk-checkboxes__input"
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="govuk-hint govuk-checkboxes__hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
    </div>
  );
}

export function Fieldset({ legend, children, hint }: { legend: string; children: ReactNode; hint?: string }) {
  const id = useId();
  return (
    <div className="govuk-form-group">
      <fieldset className="govuk-fieldset" aria-describedby={hint ? `${id}-hint` : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div className="govuk-hint" id={`${id}-hint`}>
            {hint}
          </div>
        )}
        {children}
      </fieldset>
    </div>
  );
}

interface RadiosProps {
  legend: string;
  value: string;
  options: { value: string; label: string; hint?: string }[];
  onChange(value: string): void;
  hint?: string;
}

export function Radios({ legend, value, options, onChange, hint }: RadiosProps) {
  const name = useId();
  return (
    <Fieldset legend={legend} hint={hint}>
      <div className="govuk-radios govuk-radios--small">
        {options.map((o) => (
          <div className="govuk-radios__item" key={o.value}>
            <input
              className="govuk-radios__input"
              id={`${name}-${o.value}`}
              name={name}
              type="radio"
              value={o.value}
              checked={value === o.value}
              aria-describedby={o.hint ? `${name}-${o.value}-hint` : undefined}
              onChange={() => onChange(o.value)}
            />
            <label className="govuk-label govuk-radios__label" htmlFor={`${name}-${o.value}`}>
              {o.label}
            </label>
            {o.hint && (
              <div className="govuk-hint govuk-radios__hint" id={`${name}-${o.value}-hint`}>
                {o.hint}
              </div>
            )}
          </div>
        ))}
      </div>
    </Fieldset>
  );
}

export function Select({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
}) {
  const id = useId();
  return (
    <div className="govuk-form-group">
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <select className="govuk-select" id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
