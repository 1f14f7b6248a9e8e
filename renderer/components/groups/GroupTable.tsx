import { useTranslation } from 'react-i18next';
import type { MachineGroup } from '../../../common/portal/portal-types';
import { routeToHash } from '../../stores/navigation-store';
import { DataTable } from '../table/DataTable';
import { GroupSyncState, groupSyncText } from './GroupSyncState';

/** NAVN, full name and sync state of each group; the name links to the group's vendors. */
export function GroupTable({ groups, onOpen }: { groups: readonly MachineGroup[]; onOpen: (group: MachineGroup) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <DataTable
      label={t('groups.list.tableLabel')}
      rows={groups}
      rowKey={(group) => group.id}
      sortedBy={{ column: 'name', direction: 'ascending' }}
      rowTestId="group-row"
      onRowClick={onOpen}
      columns={[
        {
          id: 'name',
          header: t('groups.list.name'),
          text: (group) => group.name,
          sort: { kind: 'text', value: (group) => group.name },
          render: (group) => (
            <a
              href={routeToHash({ screen: 'group', id: group.id })}
              onClick={(event) => {
                event.preventDefault();
                event.stopPropagation();
                onOpen(group);
              }}
            >
              {group.name}
            </a>
          ),
        },
        {
          id: 'fullName',
          header: t('groups.list.fullName'),
          text: (group) => group.fullName,
          sort: { kind: 'text', value: (group) => group.fullName },
          fit: 'cut',
          cellClass: () => 'full-name',
        },
        {
          id: 'state',
          header: t('groups.list.state'),
          text: (group) => groupSyncText(t, group, i18n.language),
          sort: { kind: 'time', value: (group) => (group.syncState === 'pending' ? group.readyAt : null) },
          render: (group) => <GroupSyncState group={group} />,
        },
      ]}
    />
  );
}
