import { useId, useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../common/portal/portal-types';
import type { PortalErrorData } from '../../../common/result';
import { checkUserEdit, draftFromUser, type UserEditDraft, type UserFormErrors, type UserFormField } from '../../../common/users/user-form';
import { useUnsavedChanges } from '../../stores/navigation-store';
import { useUserStore } from '../../stores/user-store';
import { CommandButton } from '../CommandButton';
import { ConfirmDialog } from '../ConfirmDialog';
import { ErrorMessage } from '../ErrorMessage';
import { ConflictPanel } from './ConflictPanel';
import { TwoFactorChoice } from './TwoFactorChoice';
import { UserTextField } from './UserTextField';
import { blurShowsError, firstInvalidField, serverFieldErrors } from './user-field-error';
import { EngineFact } from '../engine/EngineObjectState';

type Saved = 'saved' | 'switchedToTotp';

/** The fields this form shows errors at; a refusal of anything else is said under the form. */
const editFields: readonly UserFormField[] = ['email', 'mobile', 'yubikeyOtp'];

/**
 * "Rediger bruker". The form edits a snapshot (`base`) of the user and sends base.version as If-Match,
 * so a change someone else saved meanwhile is caught by the portal instead of silently overwritten.
 * While nothing is edited the snapshot follows the cache; once edited it stays put.
 */
export function UserEditForm({ latest }: { latest: User }) {
  const { t } = useTranslation();
  const update = useUserStore((state) => state.update);
  const reloadFromPortal = useUserStore((state) => state.reloadFromPortal);
  const formId = useId();
  const fieldId = (field: UserFormField) => `${formId}-${field}`;

  const [base, setBase] = useState(latest);
  const [draft, setDraft] = useState<UserEditDraft>(() => draftFromUser(latest));
  const [touched, setTouched] = useState<Partial<Record<UserFormField, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<UserFormErrors>({});
  const [error, setError] = useState<PortalErrorData>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Saved>();
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [confirmReload, setConfirmReload] = useState(false);
  const [confirmSwitch, setConfirmSwitch] = useState(false);

  const check = checkUserEdit(base, draft);
  // Edits not saved yet are kept: a menu item, Back or "Logg ut" asks first.
  useUnsavedChanges(check.changed);
  const newer = latest.id === base.id && latest.version > base.version;
  // Adjusting state while rendering (React's pattern for following a prop): nothing edited, nothing lost.
  if (newer && !check.changed && !conflict) {
    setBase(latest);
    setDraft(draftFromUser(latest));
  }

  const shown = (field: UserFormField): string | undefined =>
    ((submitted || touched[field]) && check.errors[field]) || serverErrors[field] || undefined;
  const change = (field: keyof UserEditDraft, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setSaved(undefined);
    if (field in serverErrors) setServerErrors(({ [field as UserFormField]: _dropped, ...rest }) => rest);
  };
  const blur = (field: UserFormField) => (event: FocusEvent<HTMLInputElement>) => {
    if (blurShowsError(event)) setTouched((current) => ({ ...current, [field]: true }));
  };

  const adopt = (user: User) => {
    setBase(user);
    setDraft(draftFromUser(user));
    setTouched({});
    setSubmitted(false);
    setServerErrors({});
    setError(undefined);
    setConflict(false);
  };

  const submit = async (switchConfirmed = false) => {
    setSubmitted(true);
    setError(undefined);
    if (!check.changed) return;
    const invalid = firstInvalidField(check.errors);
    if (invalid) {
      document.getElementById(fieldId(invalid))?.focus();
      return;
    }
    // Leaving Yubikey locks the user out until they have the new QR code: said, and confirmed, first.
    if (base.twoFactor === 'yubikey' && check.changes.twoFactor === 'totp' && !switchConfirmed) {
      setConfirmSwitch(true);
      return;
    }
    setBusy(true);
    const result = await update(base.id, base.version, check.changes);
    setBusy(false);
    if (result.ok) {
      adopt(result.value);
      setSaved(check.changes.twoFactor === 'totp' ? 'switchedToTotp' : 'saved');
      return;
    }
    if (result.error.code === 'PRECONDITION_FAILED') {
      setConflict(true);
      // Fetch what is saved now in the background, so both versions can be shown side by side.
      setReloading(true);
      await reloadFromPortal(base.id);
      setReloading(false);
      return;
    }
    const fromServer = serverFieldErrors(result.error);
    setServerErrors(fromServer);
    setError(result.error);
    const first = firstInvalidField(fromServer);
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  const reload = async () => {
    setConfirmReload(false);
    setReloading(true);
    await reloadFromPortal(base.id);
    setReloading(false);
    const fresh = useUserStore.getState().detail?.user;
    if (fresh) adopt(fresh);
    setSaved(undefined);
  };

  return (
    <form
      className="user-form"
      aria-labelledby="user-edit-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <dl className="facts">
        <dt>{t('users.fields.username')}</dt>
        <dd data-testid="user-username">{base.username}</dd>
        <dt>{t('users.fields.name')}</dt>
        <dd>
          {base.firstName} {base.lastName}
        </dd>
        <EngineFact item={base} />
      </dl>

      {newer && check.changed && !conflict && !busy && <p className="notice">{t('users.edit.changedElsewhere')}</p>}

      <UserTextField
        id={fieldId('email')}
        label={t('users.fields.email')}
        type="email"
        autoComplete="off"
        spellCheck={false}
        value={draft.email}
        onChange={(value) => change('email', value)}
        onBlur={blur('email')}
        errorCode={shown('email')}
      />
      <UserTextField
        id={fieldId('mobile')}
        label={t('users.fields.mobile')}
        type="tel"
        inputMode="tel"
        autoComplete="off"
        hint={t('users.fields.mobileHint')}
        value={draft.mobile}
        onChange={(value) => change('mobile', value)}
        onBlur={blur('mobile')}
        errorCode={shown('mobile')}
      />
      <TwoFactorChoice
        name={`${formId}-two-factor`}
        value={draft.twoFactor}
        onChange={(value) => {
          setDraft((current) => ({ ...current, twoFactor: value }));
          setSaved(undefined);
        }}
      />
      {base.twoFactor === 'yubikey' && base.yubikeyPublicId && draft.twoFactor === 'yubikey' && (
        <p className="muted">{t('users.fields.yubikeyRegistered', { publicId: base.yubikeyPublicId })}</p>
      )}
      {draft.twoFactor === 'yubikey' && (
        <UserTextField
          id={fieldId('yubikeyOtp')}
          label={base.twoFactor === 'yubikey' ? t('users.fields.yubikeyNewOtp') : t('users.fields.yubikeyOtp')}
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

      {conflict && (
        <ConflictPanel
          draft={draft}
          current={newer ? latest : undefined}
          reloading={reloading}
          onReload={() => (check.changed ? setConfirmReload(true) : void reload())}
          onKeepMine={() => {
            // Rebase the edits on what is saved now: the next save overwrites it knowingly.
            setBase(latest);
            setConflict(false);
          }}
        />
      )}
      {error && <ErrorMessage error={error} placed={editFields} scopes={['users']} />}

      <div className="form-actions">
        <CommandButton type="submit" disabled={!check.changed || busy || conflict} aria-busy={busy || undefined}>
          {t('users.edit.save')}
        </CommandButton>
      </div>
      <div role="status">
        {busy && <p className="muted">{t('users.edit.saving')}</p>}
        {saved && (
          <p className="notice user-success" data-testid="user-saved">
            {saved === 'switchedToTotp' ? t('users.edit.switchedToTotp') : t('users.edit.saved')}
          </p>
        )}
      </div>

      {confirmSwitch && (
        <ConfirmDialog
          title={t('users.edit.switchToTotpTitle', { name: `${base.firstName} ${base.lastName}` })}
          confirmLabel={t('users.edit.switchToTotpConfirm')}
          onCancel={() => setConfirmSwitch(false)}
          onConfirm={() => {
            setConfirmSwitch(false);
            void submit(true);
          }}
        >
          <p>{t('users.edit.switchToTotpBody', { name: `${base.firstName} ${base.lastName}` })}</p>
        </ConfirmDialog>
      )}
      {confirmReload && (
        <ConfirmDialog title={t('users.conflict.confirmTitle')} confirmLabel={t('users.conflict.confirm')} onConfirm={() => void reload()} onCancel={() => setConfirmReload(false)}>
          <p>{t('users.conflict.confirmBody')}</p>
        </ConfirmDialog>
      )}
    </form>
  );
}
