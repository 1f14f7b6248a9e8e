import type { FocusEvent, InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { userFieldErrorText } from './user-field-error';

type InputProps = Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'inputMode' | 'autoComplete' | 'spellCheck' | 'maxLength'>;

/**
 * A labelled input whose error and hint are tied to it (aria-invalid, aria-describedby), so a
 * screen reader reads why the value is refused when the field gets focus.
 */
export function UserTextField({
  id,
  label,
  value,
  onChange,
  onBlur,
  errorCode,
  hint,
  info,
  infoLabel,
  ...input
}: InputProps & {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: (event: FocusEvent<HTMLInputElement>) => void;
  /** Shown only when set: the caller decides when a field has been touched enough to complain. */
  errorCode?: string | undefined;
  hint?: string;
  /** The guide's ⓘ explanation. */
  info?: string;
  infoLabel?: string;
}) {
  const { t } = useTranslation();
  const hintId = `${id}-hint`;
  const infoId = `${id}-info`;
  const errorId = `${id}-error`;
  const describedBy = [info ? infoId : '', hint ? hintId : '', errorCode ? errorId : ''].filter(Boolean).join(' ');
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
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        aria-invalid={errorCode ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {errorCode && (
        <p className="field-error" id={errorId} data-error-code={errorCode}>
          {userFieldErrorText(t, errorCode)}
        </p>
      )}
    </div>
  );
}
