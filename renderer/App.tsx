import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingsScreen } from './screens/SettingsScreen';
import { selectAppInfo, selectAppInfoError, selectIsDemoMode, useAppStore } from './stores/app-store';

export function App() {
  const { t } = useTranslation();
  const loadInfo = useAppStore((state) => state.loadInfo);
  const info = useAppStore(selectAppInfo);
  const infoError = useAppStore(selectAppInfoError);
  const demoMode = useAppStore(selectIsDemoMode);

  useEffect(() => {
    void loadInfo();
  }, [loadInfo]);

  // Tests and the Electron shell wait on this marker instead of sleeping.
  useEffect(() => {
    if (info || infoError) document.documentElement.dataset['appReady'] = 'true';
  }, [info, infoError]);

  return (
    <div className="app-shell">
      <header className="app-header">
        <span className="app-name">{t('app.name')}</span>
        {demoMode && (
          <span className="demo-badge" title={t('app.demoBadgeTitle')}>
            {t('app.demoBadge')}
          </span>
        )}
      </header>
      <nav className="app-nav" aria-label={t('app.mainNavigation')}>
        <ul>
          <li>
            <a href="#settings" aria-current="page">
              {t('nav.settings')}
            </a>
          </li>
        </ul>
      </nav>
      <main className="app-main">
        <SettingsScreen />
      </main>
    </div>
  );
}
