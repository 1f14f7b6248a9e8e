import type { ButtonHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { selectIsOffline, useSyncStore } from '../stores/sync-store';

/**
 * A button that sends a command to the portal. Offline it is disabled, and says why in its tooltip
 * and to screen readers; reads keep working from the cache meanwhile.
 */
export function CommandButton({ disabled, title, children, ...rest }: ButtonHTMLAttributes<HTMLButtonElement>) {
  const { t } = useTranslation();
  const offline = useSyncStore(selectIsOffline);
  return (
    <button
      type="button"
      {...rest}
      disabled={disabled || offline}
      title={offline ? t('sync.offlineCommand') : title}
      aria-description={offline ? t('sync.offlineCommand') : undefined}
      data-offline={offline || undefined}
    >
      {children}
    </button>
  );
}
