import { useTranslation } from 'react-i18next';
import type { MachineGroup } from '../../../common/portal/portal-types';
import { formatDateTime } from '../relative-time';

/** "Klar", or that the portal is still synchronising a new group and when it expects to be done. */
export function GroupSyncState({ group }: { group: MachineGroup }) {
  const { t, i18n } = useTranslation();
  return group.syncState === 'pending' ? (
    <span className="group-pending" data-testid="group-sync-state" data-state="pending">
      <span className="spinner" aria-hidden="true" />
      {t('groups.list.pending', { when: formatDateTime(group.readyAt, i18n.language) })}
    </span>
  ) : (
    <span data-testid="group-sync-state" data-state="ready">
      {t('groups.list.ready')}
    </span>
  );
}
