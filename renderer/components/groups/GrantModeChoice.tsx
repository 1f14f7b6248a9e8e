import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrantMode } from '../../../common/portal/portal-types';
import { InfoTip } from './InfoTip';

/** The two access modes as radio buttons, each with the guide's explanation behind an ⓘ. */
export function GrantModeChoice({ mode, onChange }: { mode: GrantMode; onChange: (mode: GrantMode) => void }) {
  const { t } = useTranslation();
  const name = useId();
  const baseId = useId();
  const options = [
    { value: 'with_approval', label: t('groups.grant.withApproval'), help: t('groups.grant.withApprovalHelp') },
    { value: 'without_approval', label: t('groups.grant.withoutApproval'), help: t('groups.grant.withoutApprovalHelp') },
  ] as const;
  return (
    <fieldset className="choice-group">
      <legend>{t('groups.grant.mode')}</legend>
      {options.map((option) => {
        const inputId = `${baseId}-${option.value}`;
        const tipId = `${baseId}-${option.value}-tip`;
        return (
          <div key={option.value} className="radio-row">
            <input
              type="radio"
              id={inputId}
              name={name}
              value={option.value}
              checked={mode === option.value}
              aria-describedby={tipId}
              onChange={() => onChange(option.value)}
            />
            <label htmlFor={inputId}>{option.label}</label>
            <InfoTip id={tipId} label={t('groups.grant.aboutMode', { mode: option.label })} text={option.help} />
          </div>
        );
      })}
      <p className="field-hint">{t('groups.grant.modeHint')}</p>
    </fieldset>
  );
}
