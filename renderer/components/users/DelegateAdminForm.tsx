import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../common/portal/portal-types';
import type { PortalErrorData } from '../../../common/result';
import { useAdminStore } from '../../stores/admin-store';
import { nonAdminUsers, selectUserIndex, useUserStore } from '../../stores/user-store';
import { CommandButton } from '../CommandButton';
import { ErrorMessage } from '../ErrorMessage';

/** "Deleger rettigheter": any user of the organisation who is not an administrator already. */
export function DelegateAdminForm({ onDelegated }: { onDelegated: (user: User) => void }) {
  const { t } = useTranslation();
  const index = useUserStore(selectUserIndex);
  const delegate = useAdminStore((state) => state.delegate);
  const candidates = useMemo(() => nonAdminUsers(index), [index]);
  const [userId, setUserId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PortalErrorData>();
  const selectId = useId();

  if (index !== undefined && candidates.length === 0) return <p className="muted">{t('users.admins.noCandidates')}</p>;
  return (
    <form
      className="delegate-form"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!userId) return;
        setBusy(true);
        setError(undefined);
        const result = await delegate(userId);
        setBusy(false);
        if (result.ok) {
          setUserId('');
          onDelegated(result.value);
        } else setError(result.error);
      }}
    >
      <div className="field">
        <label htmlFor={selectId}>{t('users.admins.delegateUser')}</label>
        <select id={selectId} value={userId} onChange={(event) => setUserId(event.target.value)}>
          <option value="">{t('users.admins.delegateChoose')}</option>
          {candidates.map((user) => (
            <option key={user.id} value={user.id}>
              {user.firstName} {user.lastName} ({user.username})
            </option>
          ))}
        </select>
      </div>
      <CommandButton type="submit" disabled={!userId || busy} aria-busy={busy || undefined}>
        {t('users.admins.delegate')}
      </CommandButton>
      {error && <ErrorMessage error={error} />}
    </form>
  );
}
