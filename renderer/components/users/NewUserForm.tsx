import { useEffect, useId, useRef, useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../common/portal/portal-types';
import type { PortalErrorData } from '../../../common/result';
import { checkNewUser, emptyNewUserDraft, userFormFieldOrder, type NewUserDraft, type UserFormErrors, type UserFormField } from '../../../common/users/user-form';
import { useUserStore } from '../../stores/user-store';
import { CommandButton } from '../CommandButton';
import { ErrorMessage } from '../ErrorMessage';
import { useInlineForm } from '../use-inline-form';
import { DuplicateEmailDialog } from './DuplicateEmailDialog';
import { TwoFactorChoice } from './TwoFactorChoice';
import { UserTextField } from './UserTextField';
import { blurShowsError, firstInvalidField, serverFieldErrors } from './user-field-error';

/**
 * "Ny bruker": checked field by field as the admin leaves each one (the portal's own rules), all at
 * once on submit with focus on the first problem, and the portal's answer beside the fields if it
 * still refuses. An e-mail address another user already has is asked about before anything is sent.
 */
export function NewUserForm({ onCreated, onCancel }: { onCreated: (user: User) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const create = useUserStore((state) => state.create);
  const withEmail = useUserStore((state) => state.withEmail);
  const formId = useId();
  const fieldId = (field: UserFormField) => `${formId}-${field}`;
  const titleId = `${formId}-title`;
  // Focus in "Fornavn" when it opens, Escape closes it: as every inline form.
  const inline = useInlineForm(onCancel, 'new-user');

  const [draft, setDraft] = useState<NewUserDraft>(emptyNewUserDraft);
  const [touched, setTouched] = useState<Partial<Record<UserFormField, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<UserFormErrors>({});
  const [error, setError] = useState<PortalErrorData>();
  const [busy, setBusy] = useState(false);
  const [duplicate, setDuplicate] = useState<{ email: string; users: User[] }>();
  // The address the admin chose to share with another user: not asked about again.
  const sharedEmail = useRef<string | undefined>(undefined);
  const focusEmail = useRef(false);

  useEffect(() => {
    // After "Avbryt" the dialog is gone (the page is no longer inert): back to the address.
    if (!duplicate && focusEmail.current) {
      focusEmail.current = false;
      document.getElementById(`${formId}-email`)?.focus();
    }
  }, [duplicate, formId]);

  const { errors: clientErrors } = checkNewUser(draft);
  const shown = (field: UserFormField): string | undefined =>
    ((submitted || touched[field]) && clientErrors[field]) || serverErrors[field] || undefined;

  const change = (field: keyof NewUserDraft, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    // The portal's verdict was on the old value.
    if (field in serverErrors) setServerErrors(({ [field as UserFormField]: _dropped, ...rest }) => rest);
  };
  const blur = (field: UserFormField) => (event: FocusEvent<HTMLInputElement>) => {
    if (draft[field as keyof NewUserDraft] !== '' && blurShowsError(event)) setTouched((current) => ({ ...current, [field]: true }));
  };
  const text = (field: Exclude<UserFormField, 'yubikeyOtp'>) => ({
    id: fieldId(field),
    value: draft[field],
    onChange: (value: string) => change(field, value),
    onBlur: blur(field),
    errorCode: shown(field),
  });

  const submit = async () => {
    setSubmitted(true);
    setError(undefined);
    const checked = checkNewUser(draft);
    const invalid = firstInvalidField(checked.errors);
    if (!checked.input || invalid) {
      if (invalid) document.getElementById(fieldId(invalid))?.focus();
      return;
    }
    if (checked.input.email !== sharedEmail.current) {
      const holders = await withEmail(checked.input.email);
      if (!holders.ok) {
        setError(holders.error);
        return;
      }
      if (holders.value.length > 0) {
        setDuplicate({ email: checked.input.email, users: holders.value });
        return;
      }
    }
    setBusy(true);
    const result = await create(checked.input);
    setBusy(false);
    if (result.ok) {
      onCreated(result.value);
      return;
    }
    const fromServer = serverFieldErrors(result.error);
    setServerErrors(fromServer);
    setError(result.error);
    const first = firstInvalidField(fromServer);
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  return (
    <form
      {...inline}
      className="user-form panel"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 id={titleId}>{t('users.create.title')}</h2>
      <p>{t('users.create.intro')}</p>
      <div className="field-row">
        <UserTextField label={t('users.fields.firstName')} autoComplete="off" {...text('firstName')} />
        <UserTextField label={t('users.fields.lastName')} autoComplete="off" {...text('lastName')} />
      </div>
      <div className="field-row">
        <UserTextField label={t('users.fields.email')} type="email" autoComplete="off" spellCheck={false} {...text('email')} />
        <UserTextField label={t('users.fields.mobile')} type="tel" inputMode="tel" autoComplete="off" hint={t('users.fields.mobileHint')} {...text('mobile')} />
      </div>
      <TwoFactorChoice name={`${formId}-two-factor`} value={draft.twoFactor} onChange={(value) => setDraft((current) => ({ ...current, twoFactor: value }))} />
      {draft.twoFactor === 'yubikey' && (
        <UserTextField
          id={fieldId('yubikeyOtp')}
          label={t('users.fields.yubikeyOtp')}
          info={t('users.fields.yubikeyInfo')}
          infoLabel={t('users.fields.yubikeyInfoLabel')}
          value={draft.yubikeyOtp}
          onChange={(value) => change('yubikeyOtp', value)}
          onBlur={blur('yubikeyOtp')}
          errorCode={shown('yubikeyOtp')}
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
        />
      )}
      {error && <ErrorMessage error={error} placed={userFormFieldOrder} scopes={['users']} />}
      <div className="form-actions">
        <CommandButton type="submit" disabled={busy} aria-busy={busy || undefined}>
          {t('users.create.submit')}
        </CommandButton>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      {busy && <p className="muted" role="status">{t('users.create.creating')}</p>}
      {duplicate && (
        <DuplicateEmailDialog
          email={duplicate.email}
          users={duplicate.users}
          onCancel={() => {
            focusEmail.current = true;
            setDuplicate(undefined);
          }}
          onConfirm={() => {
            sharedEmail.current = duplicate.email;
            setDuplicate(undefined);
            void submit();
          }}
        />
      )}
    </form>
  );
}
