import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../common/portal/portal-types';
import type { PortalErrorData, Result } from '../../../common/result';
import { selectAccount, useSessionStore } from '../../stores/session-store';
import { useUserStore } from '../../stores/user-store';
import { CommandButton } from '../CommandButton';
import { ConfirmDialog } from '../ConfirmDialog';
import { ErrorMessage } from '../ErrorMessage';
import { formatDateTime } from '../relative-time';

type Confirming = 'deactivate' | 'delete';
type Notice = 'deactivated' | 'reactivated';

/**
 * "Deaktiver" / "Aktiver igjen" and "Slett bruker" (a vendor's technician leaves). Deactivating and
 * deleting sign the user out at once, so each asks first and says so; reactivating is the undo and
 * asks nothing. The administrator's own account is not offered: the portal refuses it, and the
 * reason is shown here before anyone tries.
 */
export function UserLifecycleActions({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const account = useSessionStore(selectAccount);
  const deactivate = useUserStore((state) => state.deactivate);
  const reactivate = useUserStore((state) => state.reactivate);
  const remove = useUserStore((state) => state.remove);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<Confirming>();
  const [notice, setNotice] = useState<Notice>();
  const [error, setError] = useState<PortalErrorData>();
  const name = `${user.firstName} ${user.lastName}`;
  const deactivated = user.status === 'deactivated';
  const self = user.id === account?.user.id;

  const run = async <T,>(command: () => Promise<Result<T>>, done?: Notice) => {
    setConfirming(undefined);
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    const result = await command();
    setBusy(false);
    if (!result.ok) setError(result.error);
    else if (done) setNotice(done);
  };

  return (
    <div className="user-lifecycle" data-testid="user-lifecycle">
      {deactivated && (
        <p className="notice" data-testid="user-deactivated">
          {t('users.lifecycle.deactivatedNotice', { at: user.deactivatedAt ? formatDateTime(user.deactivatedAt, i18n.language) : '' })}
        </p>
      )}
      {self ? (
        <p className="muted">{t('users.lifecycle.self')}</p>
      ) : (
        <div className="toolbar">
          {deactivated ? (
            <CommandButton disabled={busy} onClick={() => void run(() => reactivate(user.id, user.version), 'reactivated')}>
              {t('users.lifecycle.reactivate')}
            </CommandButton>
          ) : (
            <CommandButton disabled={busy} onClick={() => setConfirming('deactivate')}>
              {t('users.lifecycle.deactivate')}
            </CommandButton>
          )}
          <CommandButton className="danger" disabled={busy} onClick={() => setConfirming('delete')}>
            {t('users.lifecycle.delete')}
          </CommandButton>
        </div>
      )}
      <div role="status">
        {notice && (
          <p className="notice user-success" data-testid={`lifecycle-${notice}`}>
            {t(`users.lifecycle.${notice}`, { name })}
          </p>
        )}
      </div>
      {error && <ErrorMessage error={error} />}

      {confirming === 'deactivate' && (
        <ConfirmDialog
          title={t('users.lifecycle.deactivateTitle', { name })}
          confirmLabel={t('users.lifecycle.deactivateConfirm')}
          onCancel={() => setConfirming(undefined)}
          onConfirm={() => void run(() => deactivate(user.id, user.version), 'deactivated')}
        >
          <p>{t('users.lifecycle.deactivateBody', { name, username: user.username })}</p>
        </ConfirmDialog>
      )}
      {confirming === 'delete' && (
        <ConfirmDialog
          title={t('users.lifecycle.deleteTitle', { name })}
          confirmLabel={t('users.lifecycle.deleteConfirm')}
          onCancel={() => setConfirming(undefined)}
          onConfirm={() => void run(() => remove(user))}
        >
          <p>{t('users.lifecycle.deleteBody', { name, username: user.username })}</p>
          {!deactivated && <p>{t('users.lifecycle.deleteAlternative')}</p>}
        </ConfirmDialog>
      )}
    </div>
  );
}
