import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import { PortalChoice } from '../components/PortalChoice';
import { TryDemo } from '../components/TryDemo';
import { selectNeedsPortalChoice, selectProfiles, selectSessionError, selectSessionStatus, useSessionStore } from '../stores/session-store';

/**
 * The portal choice while no portal is open; otherwise the profile picker (own portals first, the demo
 * while it runs) and "Logg inn", which continues in the system browser, with "Prøv demo" below it.
 */
export function LoginScreen() {
  const { t } = useTranslation();
  const status = useSessionStore(selectSessionStatus);
  const needsChoice = useSessionStore(selectNeedsPortalChoice);
  const profiles = useSessionStore(selectProfiles);
  const error = useSessionStore(selectSessionError);
  const { signIn, cancelSignIn, selectProfile } = useSessionStore();
  const waiting = status?.state === 'signing-in';

  if (needsChoice) return <PortalChoice />;

  return (
    <main className="login-screen" aria-labelledby="login-title">
      <h1 id="login-title">{t('session.title')}</h1>
      <p>{t('session.intro')}</p>
      <div className="field">
        <label htmlFor="profile">{t('session.profile')}</label>
        <select id="profile" value={status?.profile?.id ?? ''} disabled={waiting} onChange={(event) => void selectProfile(event.target.value)}>
          {profiles.map((profile) => (
            <option key={profile.id} value={profile.id}>
              {profile.demo ? t('session.demoProfile') : `${profile.name} (${profile.portalUrl})`}
            </option>
          ))}
        </select>
      </div>
      {status?.profile?.demo && <p className="demo-hint">{t('session.demoHint')}</p>}
      {error && <ErrorMessage error={error} />}
      {waiting ? (
        <div className="waiting" role="status">
          <span className="spinner" aria-hidden="true" />
          <p>{t('session.waiting')}</p>
          <button type="button" className="secondary" onClick={() => void cancelSignIn()}>
            {t('session.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => void signIn()} disabled={!status?.profile}>
          {t('session.signIn')}
        </button>
      )}
      <TryDemo />
    </main>
  );
}
