import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { grantExpiryChoices, type GrantExpiryChoice, type GrantExpiryCode } from '../../../common/groups/grant-expiry';

const labels = {
  none: 'groups.grant.expiryNone',
  day: 'groups.grant.expiryDay',
  week: 'groups.grant.expiryWeek',
  days30: 'groups.grant.expiryDays30',
  custom: 'groups.grant.expiryCustom',
} as const satisfies Record<GrantExpiryChoice, string>;

/** How long the access lasts: no end, a preset, or through a chosen date. */
export function ExpiryChoice({
  choice,
  date,
  error,
  onChoice,
  onDate,
}: {
  choice: GrantExpiryChoice;
  date: string;
  error: GrantExpiryCode | undefined;
  onChoice: (choice: GrantExpiryChoice) => void;
  onDate: (date: string) => void;
}) {
  const { t } = useTranslation();
  const name = useId();
  const baseId = useId();
  const dateId = `${baseId}-date`;
  const errorId = `${baseId}-error`;
  const today = new Date();
  const min = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  return (
    <fieldset className="choice-group">
      <legend>{t('groups.grant.expiry')}</legend>
      {grantExpiryChoices.map((value) => (
        <div key={value} className="radio-row">
          <input type="radio" id={`${baseId}-${value}`} name={name} value={value} checked={choice === value} onChange={() => onChoice(value)} />
          <label htmlFor={`${baseId}-${value}`}>{t(labels[value])}</label>
        </div>
      ))}
      {choice === 'custom' && (
        <div className="field expiry-date">
          <label htmlFor={dateId}>{t('groups.grant.expiryDate')}</label>
          <input
            type="date"
            id={dateId}
            min={min}
            value={date}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => onDate(event.target.value)}
          />
          {error && (
            <span id={errorId} className="field-error">
              {t(`groups.grant.${error}`)}
            </span>
          )}
        </div>
      )}
    </fieldset>
  );
}
