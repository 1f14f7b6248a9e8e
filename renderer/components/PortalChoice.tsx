import { useTranslation } from 'react-i18next';
import { selectNavigate, useNavigationStore } from '../stores/navigation-store';
import { selectProfiles, selectSessionError, useSessionStore } from '../stores/session-store';
import { ErrorMessage } from './ErrorMessage';
import { TryDemo } from './TryDemo';

/**
 * Where the app lands with no portal open (an installed copy's first start): the user's portals,
 * adding one (Settings → Portaler), or "Prøv demo".
 */
export function PortalChoice() {
  const { t } = useTranslation();
  const profiles = useSessionStore(selectProfiles);
  const error = useSessionStore(selectSessionError);
  const selectProfile = useSessionStore((state) => state.selectProfile);
  const navigate = useNavigationStore(selectNavigate);
  const own = profiles.filter((profile) => !profile.demo);

  return (
    <main className="login-screen" aria-labelledby="portal-choice-title" data-testid="portal-choice">
      <h1 id="portal-choice-title">{t('session.choiceTitle')}</h1>
      <p>{t('session.choiceIntro')}</p>
      <h2>{t('session.yourPortals')}</h2>
      {own.length === 0 ? (
        <p>{t('session.noPortals')}</p>
      ) : (
        <ul className="portal-list">
          {own.map((profile) => (
            <li key={profile.id}>
              <span>
                {profile.name} <code>{profile.portalUrl}</code>
              </span>
              <button type="button" className="secondary" onClick={() => void selectProfile(profile.id)}>
                {t('settings.useProfile')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && <ErrorMessage error={error} />}
      <button type="button" className="secondary" onClick={() => navigate({ screen: 'settings' })}>
        {t('session.addPortal')}
      </button>
      <TryDemo />
    </main>
  );
}
