import { useTranslation } from 'react-i18next';
import type { TwoFactor } from '../../../common/users/user-form';

/** "TO-FAKTORAUTENTISERING": Google Authenticator or Yubikey, as radio buttons in one labelled group. */
export function TwoFactorChoice({ name, value, onChange }: { name: string; value: TwoFactor; onChange: (value: TwoFactor) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="field two-factor-choice">
      <legend>{t('users.fields.twoFactor')}</legend>
      {(['totp', 'yubikey'] as const).map((option) => (
        <label key={option} className="radio">
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
          {option === 'totp' ? t('users.fields.totp') : t('users.fields.yubikey')}
        </label>
      ))}
    </fieldset>
  );
}
