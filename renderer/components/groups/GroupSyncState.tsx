import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { MachineGroup } from '../../../common/portal/portal-types';
import { formatDateTime } from '../relative-time';

/** The state as plain text, as GroupSyncState shows it (for sizing and sorting a table column). */
export function groupSyncText(t: TFunction, group: MachineGroup, language: string): string {
  return group.syncState === 'pending' ? t('groups.list.pending', { when: formatDateTime(group.readyAt, language) }) : t('groups.list.ready');
}

/** "Klar", or that the portal is still synchronising a new group and when it expects to be done. */
export function GroupSyncState({ group }: { group: MachineGroup }) {
  const { t, i18n } = useTranslation();
  return group.syncState === 'pending' ? (
    <span className="group-pending" data-testid="group-sync-state" data-state="pending">
      <span className="spinner" aria-hidden="true" />
      {groupSyncText(t, group, i18n.language)}
    </span>
  ) : (
    <span data-testid="group-sync-state" data-state="ready">
      {groupSyncText(t, group, i18n.language)}
    </span>
  );
}
