import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import { ProfilesSection } from '../components/ProfilesSection';
import { ReviewSettingsSection } from '../components/sessions/ReviewSettingsSection';
import { changeLanguage } from '../i18n/i18n';
import { isLanguage, languages } from '../i18n/messages';
import { PING_TIMEOUT_MS, selectAppInfo, selectAppInfoError, selectPing, useAppStore } from '../stores/app-store';

export function SettingsScreen() {
  const { t, i18n } = useTranslation();
  const info = useAppStore(selectAppInfo);
  const infoError = useAppStore(selectAppInfoError);
  const ping = useAppStore(selectPing);
  const testConnection = useAppStore((state) => state.testConnection);

  return (
    <section aria-labelledby="settings-title" className="screen">
      <h1 id="settings-title">{t('settings.title')}</h1>

      <div className="field">
        <label htmlFor="language">{t('settings.language')}</label>
        <select
          id="language"
          value={i18n.language}
          onChange={(event) => {
            if (isLanguage(event.target.value)) void changeLanguage(event.target.value);
          }}
        >
          {languages.map((language) => (
            <option key={language} value={language}>
              {t(`language.${language}`)}
            </option>
          ))}
        </select>
      </div>

      <ProfilesSection />

      <ReviewSettingsSection />

      <h2>{t('settings.about')}</h2>
      {infoError && <ErrorMessage error={infoError} />}
      {!info && !infoError && <p aria-busy="true">{t('settings.loading')}</p>}
      {info && (
        <dl className="facts" data-testid="app-info">
          <dt>{t('settings.version')}</dt>
          <dd data-testid="app-version">{info.version}</dd>
          <dt>{t('settings.demoPortal')}</dt>
          <dd data-testid="app-demo-mode">{info.demoRunning ? t('settings.demoOn') : t('settings.demoOff')}</dd>
          <dt>{t('settings.dataDir')}</dt>
          <dd data-testid="app-data-dir">
            <code>{info.dataDir}</code>
          </dd>
          <dt>{t('settings.logDir')}</dt>
          <dd>
            <code>{info.logDir}</code>
          </dd>
          <dt>{t('settings.platform')}</dt>
          <dd>{info.platform}</dd>
        </dl>
      )}

      <h2>{t('connection.title')}</h2>
      <button type="button" onClick={() => void testConnection()} disabled={ping.status === 'waiting'}>
        {t('connection.test')}
      </button>
      <div aria-live="polite" data-testid="ping-status" data-status={ping.status}>
        {ping.status === 'waiting' && <p>{t('connection.waiting')}</p>}
        {ping.status === 'ok' && <p>{t('connection.ok', { ms: ping.roundTripMs })}</p>}
        {ping.status === 'timeout' && <p role="alert">{t('connection.timeout', { seconds: PING_TIMEOUT_MS / 1000 })}</p>}
        {ping.status === 'error' && <ErrorMessage error={ping.error} />}
      </div>
    </section>
  );
}
