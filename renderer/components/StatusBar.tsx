import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectSyncStatus, useSyncStore } from '../stores/sync-store';
import { formatDateTime, timeAgo } from './relative-time';
import { EngineStatusLine } from './engine/EngineStatusLine';

/** Online/offline, when the cache last synced ("2 min ago"), a spinner while syncing, errors, pending portal work. */
export function StatusBar() {
  const { t, i18n } = useTranslation();
  const status = useSyncStore(selectSyncStatus);
  const syncNow = useSyncStore((state) => state.syncNow);
  // Re-render every 15 s so "2 min ago" moves on; the time itself is read at render, never stale.
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((tick) => tick + 1), 15_000);
    return () => clearInterval(timer);
  }, []);
  const now = Date.now();
  if (!status) return null;

  const activity = status.activity;
  const label = activity === 'offline' ? t('sync.offline') : activity === 'syncing' ? t('sync.syncing') : activity === 'error' ? t('sync.error') : t('sync.online');
  return (
    <footer className="status-bar" data-testid="status-bar" data-activity={activity} aria-live="polite">
      <span className={`status-dot status-${activity}`} aria-hidden="true" />
      <span data-testid="sync-activity">{label}</span>
      {activity === 'syncing' && <span className="spinner" aria-hidden="true" />}
      <span>
        {status.lastSuccessAt
          ? t('sync.lastSynced', { when: timeAgo(status.lastSuccessAt, now, i18n.language) })
          : t('sync.neverSynced')}
      </span>
      {status.lastError && activity !== 'offline' && (
        <span className="status-error" role="alert">
          {t(`errors.${status.lastError.code}` as 'errors.INTERNAL', { defaultValue: status.lastError.message })}
        </span>
      )}
      {status.pending.map((item) => (
        <span key={`${item.kind}:${item.id}`} className="status-pending" data-testid="sync-pending">
          {t('sync.pending', { what: item.name ?? t('nav.service'), when: formatDateTime(item.readyAt, i18n.language) })}
        </span>
      ))}
      <EngineStatusLine />
      <button type="button" className="link-button" onClick={() => void syncNow()} disabled={activity === 'syncing'}>
        {t('sync.syncNow')}
      </button>
    </footer>
  );
}
