import { useTranslation } from 'react-i18next';
import { selectNavigate, useNavigationStore } from '../stores/navigation-store';
import { selectSessionStatus, useSessionStore } from '../stores/session-store';

/** The app name, DEMO badge, and who is signed in to which organisation, always visible. */
export function AppHeader() {
  const { t } = useTranslation();
  const status = useSessionStore(selectSessionStatus);
  const signOut = useSessionStore((state) => state.signOut);
  const account = status?.account;
  const navigate = useNavigationStore(selectNavigate);
  const leave = useNavigationStore((state) => state.leave);
  return (
    <header className="app-header">
      <span className="app-name">{t('app.name')}</span>
      {status?.profile?.demo && (
        <span className="demo-badge" title={t('app.demoBadgeTitle')}>
          {t('app.demoBadge')}
        </span>
      )}
      {account && status?.state === 'signed-in' && (
        <>
          <span className="header-account" data-testid="signed-in-user">
            {t('session.signedInAs', { name: `${account.user.firstName} ${account.user.lastName}`, username: account.user.username })}
          </span>
          <span className="header-account" data-testid="signed-in-organisation">
            {t('session.organisation', { name: account.organisation.name })}
          </span>
          <button type="button" className="secondary header-signout" onClick={() => leave(() => void signOut())}>
            {t('session.signOut')}
          </button>
        </>
      )}
      {status?.state !== 'signed-in' && (
        <a
          className="header-link"
          href="#/settings"
          onClick={(event) => {
            event.preventDefault();
            navigate({ screen: 'settings' });
          }}
        >
          {t('nav.settings')}
        </a>
      )}
    </header>
  );
}
