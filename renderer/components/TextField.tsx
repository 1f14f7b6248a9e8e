import type { FocusEvent, InputHTMLAttributes, Ref } from 'react';

type InputProps = Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'inputMode' | 'autoComplete' | 'spellCheck' | 'maxLength' | 'placeholder'>;

/**
 * A labelled input whose error and hint are tied to it (aria-invalid, aria-describedby), so a
 * screen reader reads why the value is refused when the field gets focus. Every form's text fields are
 * this one; the error is already translated (see field-errors.ts), its code kept for tests.
 */
export function TextField({
  id,
  label,
  value,
  onChange,
  onBlur,
  error,
  errorCode,
  hint,
  info,
  infoLabel,
  inputRef,
  ...input
}: InputProps & {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: (event: FocusEvent<HTMLInputElement>) => void;
  /** Shown only when set: the caller decides when a field has been touched enough to complain. */
  error?: string | undefined;
  errorCode?: string | undefined;
  hint?: string | undefined;
  /** The guide's ⓘ explanation. */
  info?: string | undefined;
  infoLabel?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const hintId = `${id}-hint`;
  const infoId = `${id}-info`;
  const errorId = `${id}-error`;
  const describedBy = [info ? infoId : '', hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {info && (
        <p className="field-info" id={infoId}>
          {/* Drawn by CSS: the ⓘ character is missing from many system fonts. */}
          <span aria-hidden="true" className="info-mark" title={infoLabel}>
            i
          </span>{' '}
          {info}
        </p>
      )}
      <input
        ref={inputRef}
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId} data-error-code={errorCode}>
          {error}
        </p>
      )}
    </div>
  );
}
