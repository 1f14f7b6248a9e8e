import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { grantExpiryChoices, type GrantExpiryChoice, type GrantExpiryCode } from '../../../common/groups/grant-expiry';
import { DateField } from '../DateField';

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
          <DateField id={dateId} value={date} invalid={Boolean(error)} describedBy={error ? errorId : undefined} onChange={onDate} />
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
