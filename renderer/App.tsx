import { useEffect } from 'react';
import { AppHeader } from './components/AppHeader';
import { CacheRecoveryNotice } from './components/CacheRecoveryNotice';
import { LeaveGuardDialog } from './components/LeaveGuardDialog';
import { MainNav } from './components/MainNav';
import { StatusBar } from './components/StatusBar';
import { Routes } from './Routes';
import { LoginScreen } from './screens/LoginScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { selectAppInfo, selectAppInfoError, useAppStore } from './stores/app-store';
import { followCacheEvents } from './stores/cache-reload';
import { selectRoute, useNavigationStore } from './stores/navigation-store';
import { followSessionEvents, selectSessionState, useSessionStore } from './stores/session-store';
import { followSyncEvents, useSyncStore } from './stores/sync-store';

export function App() {
  const loadInfo = useAppStore((state) => state.loadInfo);
  const info = useAppStore(selectAppInfo);
  const infoError = useAppStore(selectAppInfoError);
  const loadSession = useSessionStore((state) => state.load);
  const sessionState = useSessionStore(selectSessionState);
  const sessionError = useSessionStore((state) => state.error);
  const loadSync = useSyncStore((state) => state.load);
  const route = useNavigationStore(selectRoute);

  useEffect(() => {
    const unsubscribe = [followSessionEvents(), followSyncEvents(), followCacheEvents()];
    void Promise.all([loadInfo(), loadSession(), loadSync()]);
    return () => unsubscribe.forEach((off) => off());
  }, [loadInfo, loadSession, loadSync]);

  // Tests and the Electron shell wait on this marker instead of sleeping.
  useEffect(() => {
    if ((info || infoError) && sessionState) document.documentElement.dataset['appReady'] = 'true';
  }, [info, infoError, sessionState]);

  return (
    <div className={sessionState === 'signed-in' ? 'app-shell' : 'app-shell signed-out'}>
      <AppHeader />
      <CacheRecoveryNotice />
      <LeaveGuardDialog />
      {sessionState === undefined && sessionError === undefined ? (
        // Main answers in a moment whether someone is signed in: no sign-in screen flashes up before the app.
        <main className="app-main" aria-busy="true" />
      ) : sessionState === 'signed-in' ? (
        <>
          <MainNav />
          <main className="app-main">
            <Routes />
          </main>
          <StatusBar />
        </>
      ) : route.screen === 'settings' ? (
        <main className="app-main">
          <SettingsScreen />
        </main>
      ) : (
        <LoginScreen />
      )}
    </div>
  );
}
