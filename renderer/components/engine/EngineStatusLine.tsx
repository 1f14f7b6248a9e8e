import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { selectEngineStatus, useEngineStore } from '../../stores/engine-store';
import { selectSyncStatus, useSyncStore } from '../../stores/sync-store';
import { formatDateTime } from '../relative-time';

/**
 * What the portal drives, in the status bar on every screen: "Simulert – ingen ekte fjernhjelp", so nobody
 * takes demo access for real access; or the real system, whether the portal reaches it, the last contact,
 * and the changes it has not followed yet. When the cache is not fresh, it says as of when.
 */
export function EngineStatusLine() {
  const { t, i18n } = useTranslation();
  const cached = useEngineStore(selectEngineStatus);
  const loadStatus = useEngineStore((state) => state.loadStatus);
  const activity = useSyncStore(selectSyncStatus)?.activity;
  useEffect(() => {
    void loadStatus();
  }, [loadStatus]);
  if (!cached) return null;
  const { status, fetchedAt } = cached;
  const stale = activity === 'offline' || activity === 'error';
  const asOf = stale && <span className="muted">{t('engine.asOf', { when: formatDateTime(fetchedAt, i18n.language) })}</span>;
  if (status.simulated) {
    return (
      <span className="engine-line" data-testid="engine-status" data-simulated="true">
        <strong className="engine-simulated" title={t('engine.simulatedAbout')}>
          {t('engine.simulated')}
        </strong>
        {asOf}
      </span>
    );
  }
  return (
    <span className="engine-line" data-testid="engine-status" data-simulated="false" data-reachable={String(status.reachable)}>
      <span>{t('engine.system', { label: status.label })}</span>
      {status.reachable !== null && (
        <span className={status.reachable ? undefined : 'status-error'}>{status.reachable ? t('engine.reachable') : t('engine.unreachable')}</span>
      )}
      <span>{status.lastSuccessAt ? t('engine.lastContact', { when: formatDateTime(status.lastSuccessAt, i18n.language) }) : t('engine.noContact')}</span>
      {status.pendingChanges > 0 && (
        <span className="status-pending" data-testid="engine-pending">
          {t('engine.pendingChanges', { count: status.pendingChanges })}
        </span>
      )}
      {asOf}
    </span>
  );
}
