import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../common/portal/portal-types';
import type { PortalErrorData } from '../../../common/result';
import type { UserSummary } from '../../../common/users/user-summary';
import { useAdminStore } from '../../stores/admin-store';
import { nonAdminUsers, selectUserIndex, useUserStore } from '../../stores/user-store';
import { CommandButton } from '../CommandButton';
import { ConfirmDialog } from '../ConfirmDialog';
import { ErrorMessage } from '../ErrorMessage';
import { fieldError } from '../field-errors';

/** "Deleger rettigheter": any user of the organisation who is not an administrator already. */
export function DelegateAdminForm({ onDelegated }: { onDelegated: (user: User) => void }) {
  const { t } = useTranslation();
  const index = useUserStore(selectUserIndex);
  const delegate = useAdminStore((state) => state.delegate);
  const candidates = useMemo(() => nonAdminUsers(index), [index]);
  const [userId, setUserId] = useState('');
  const [confirming, setConfirming] = useState<UserSummary>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PortalErrorData>();
  const selectId = useId();

  // Handing over the same rights as one's own is asked once more, with what they allow, before it is sent.
  const confirmDelegate = async (user: UserSummary) => {
    setConfirming(undefined);
    setBusy(true);
    setError(undefined);
    const result = await delegate(user.id);
    setBusy(false);
    if (result.ok) {
      setUserId('');
      onDelegated(result.value);
    } else setError(result.error);
  };

  const label = t('users.admins.delegateUser');
  const userError = fieldError(t, error, 'userId', label);

  if (index !== undefined && candidates.length === 0) return <p className="muted">{t('users.admins.noCandidates')}</p>;
  return (
    <form
      className="delegate-form"
      onSubmit={(event) => {
        event.preventDefault();
        const user = candidates.find((candidate) => candidate.id === userId);
        if (user) setConfirming(user);
      }}
    >
      <div className="field">
        <label htmlFor={selectId}>{t('users.admins.delegateUser')}</label>
        <select
          id={selectId}
          value={userId}
          onChange={(event) => setUserId(event.target.value)}
          aria-invalid={userError ? true : undefined}
          aria-describedby={userError ? `${selectId}-error` : undefined}
        >
          <option value="">{t('users.admins.delegateChoose')}</option>
          {candidates.map((user) => (
            <option key={user.id} value={user.id}>
              {user.firstName} {user.lastName} ({user.username})
            </option>
          ))}
        </select>
        {userError && (
          <p className="field-error" id={`${selectId}-error`}>
            {userError}
          </p>
        )}
      </div>
      <CommandButton type="submit" disabled={!userId || busy} aria-busy={busy || undefined}>
        {t('users.admins.delegate')}
      </CommandButton>
      {error && <ErrorMessage error={error} placed={['userId']} labels={{ userId: label }} />}
      {confirming && (
        <ConfirmDialog
          tone="primary"
          title={t('users.admins.delegateConfirmTitle', { name: `${confirming.firstName} ${confirming.lastName}` })}
          confirmLabel={t('users.admins.delegate')}
          onCancel={() => setConfirming(undefined)}
          onConfirm={() => void confirmDelegate(confirming)}
        >
          <p>{t('users.admins.delegateConfirmBody', { name: `${confirming.firstName} ${confirming.lastName}`, username: confirming.username })}</p>
        </ConfirmDialog>
      )}
    </form>
  );
}
