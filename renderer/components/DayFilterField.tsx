import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDay } from '../../common/time/day-input';
import { DateField } from './DateField';

/**
 * A list's from or to day: the app's DateField, and under it why its text is refused while it is no
 * whole day. The text is the screen's, as typed; the screen filters by it only once isIsoDay says it is
 * a day, so a day being typed filters nothing.
 */
export function DayFilterField({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = useId();
  const invalid = value !== '' && !isIsoDay(value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <DateField id={id} value={value} onChange={onChange} invalid={invalid} describedBy={invalid ? errorId : undefined} />
      {invalid && (
        <span id={errorId} className="field-error">
          {t('dateField.invalid')}
        </span>
      )}
    </div>
  );
}
