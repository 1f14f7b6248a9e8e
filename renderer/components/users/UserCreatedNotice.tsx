import { useTranslation } from 'react-i18next';
import type { User } from '../../../common/portal/portal-types';
import { selectNavigate, useNavigationStore } from '../../stores/navigation-store';
import { QrCodeDownload } from './QrCodeDownload';

/** After "Legg til bruker": what the portal sent the new user, and for TOTP the QR code straight away. */
export function UserCreatedNotice({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigationStore(selectNavigate);
  return (
    <section className="notice created-notice" aria-labelledby="user-created-title" data-testid="user-created">
      <h2 id="user-created-title">{t('users.create.created', { username: user.username })}</h2>
      <p>{t('users.create.sent', { name: `${user.firstName} ${user.lastName}`, email: user.email, mobile: user.mobile })}</p>
      {user.twoFactor === 'totp' && (
        <>
          <p>{t('users.create.totpNext')}</p>
          <QrCodeDownload userId={user.id} />
          <p className="muted">{t('users.totp.apps')}</p>
        </>
      )}
      <div className="form-actions">
        <button type="button" className="secondary" onClick={() => navigate({ screen: 'user', id: user.id })}>
          {t('users.create.openUser', { username: user.username })}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </section>
  );
}
