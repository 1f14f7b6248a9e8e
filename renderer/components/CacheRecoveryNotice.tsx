import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectSessionStatus, useSessionStore } from '../stores/session-store';

/**
 * Said once, when main found the open profile's cache damaged at start and replaced it: where the old
 * file was kept, that a new copy comes from the portal, and what happened to unsent review decisions.
 */
export function CacheRecoveryNotice() {
  const { t } = useTranslation();
  const recovery = useSessionStore(selectSessionStatus)?.cacheRecovery ?? null;
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (!recovery || dismissed === recovery.movedTo) return null;
  return (
    <div role="alert" className="notice cache-recovery" data-testid="cache-recovery">
      <p>
        <strong>{t('cacheRecovery.title')}</strong> {t('cacheRecovery.moved', { path: recovery.movedTo })}{' '}
        {recovery.salvageFailed
          ? t('cacheRecovery.salvageFailed')
          : recovery.salvagedDecisions > 0
            ? t('cacheRecovery.salvaged', { count: recovery.salvagedDecisions })
            : ''}
      </p>
      <button type="button" onClick={() => setDismissed(recovery.movedTo)}>
        {t('cacheRecovery.dismiss')}
      </button>
    </div>
  );
}
