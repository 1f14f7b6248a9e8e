import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDayInput, parseDayInput } from '../../common/time/day-input';

/**
 * The app's one date field. A native <input type="date"> shows its date in the browser's (in Electron:
 * the operating system's) locale, so an English Windows showed mm/dd/yyyy in the Norwegian UI; this one
 * is a text field that reads and shows dates the way the app language writes them (nb 31.12.2026, en
 * 31/12/2026), with that pattern shown under it.
 *
 * Like <input type="date"> it hands on YYYY-MM-DD (or '' when empty). Text that is no real day is handed
 * on as typed, so the form's own check says it is not a valid date rather than taking it as "no date".
 */
export function DateField({
  id,
  value,
  onChange,
  invalid,
  describedBy,
  testId,
}: {
  id: string;
  /** YYYY-MM-DD, '' or text that is no date yet. */
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
  /** The id of the field's error message, when there is one. */
  describedBy?: string | undefined;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const hintId = useId();
  const [text, setText] = useState(() => formatDayInput(value, language));
  const [shown, setShown] = useState({ value, language });
  if (shown.value !== value || shown.language !== language) {
    // The form set another value (e.g. cleared it) or the language changed: show it anew, but leave
    // alone what the user is typing when it already means this value.
    setShown({ value, language });
    if (shown.language !== language || value !== (parseDayInput(text) ?? text.trim())) setText(formatDayInput(value, language));
  }

  return (
    <>
      <input
        id={id}
        type="text"
        value={text}
        autoComplete="off"
        spellCheck={false}
        maxLength={20}
        data-testid={testId}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}
        onChange={(event) => {
          setText(event.target.value);
          onChange(parseDayInput(event.target.value) ?? event.target.value.trim());
        }}
        onBlur={() => {
          const day = parseDayInput(text);
          if (day) setText(formatDayInput(day, language));
        }}
      />
      <span id={hintId} className="field-hint">
        {t('dateField.pattern')}
      </span>
    </>
  );
}
