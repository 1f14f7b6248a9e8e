import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import { UserActions } from '../components/users/UserActions';
import { UserEditForm } from '../components/users/UserEditForm';
import { UserLifecycleActions } from '../components/users/UserLifecycleActions';
import { selectNavigate, useNavigationStore } from '../stores/navigation-store';
import { selectUserDetail, useUserStore } from '../stores/user-store';

/**
 * Rediger bruker (the guide, 5.1): e-mail, mobile and second factor; one-time password; QR code; and
 * deactivate, reactivate or delete the user.
 */
export function UserDetailScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useUserStore(selectUserDetail(id));
  const loadUser = useUserStore((state) => state.loadUser);
  const navigate = useNavigationStore(selectNavigate);
  useEffect(() => {
    void loadUser(id);
  }, [id, loadUser]);

  const user = detail?.user;
  return (
    <section className="screen user-detail-screen" aria-labelledby="user-edit-title">
      <p>
        <a
          href="#/users"
          onClick={(event) => {
            event.preventDefault();
            navigate({ screen: 'users' });
          }}
        >
          <span aria-hidden="true">← </span>
          {t('users.edit.back')}
        </a>
      </p>
      <h1 id="user-edit-title">{t('users.edit.title')}</h1>
      {detail === undefined && <p aria-busy="true">{t('common.loading')}</p>}
      {detail?.error && <ErrorMessage error={detail.error} />}
      {detail?.deleted && (
        <p role="status" className="notice user-success" data-testid="user-deleted">
          {t('users.lifecycle.deleted', detail.deleted)}
        </p>
      )}
      {detail && !user && !detail.error && !detail.deleted && <p role="alert">{t('users.edit.notFound')}</p>}
      {user && (
        <>
          <p>{t('users.edit.intro')}</p>
          <UserActions user={user} />
          <UserLifecycleActions user={user} />
          {/* Keyed by id: another user's form starts from that user, not from this one's edits. */}
          <UserEditForm key={user.id} latest={user} />
          {user.twoFactor === 'totp' && <p className="muted">{t('users.totp.apps')}</p>}
        </>
      )}
    </section>
  );
}
