import { useTranslation } from 'react-i18next';
import type { MachineGroup } from '../../../common/portal/portal-types';
import { routeToHash } from '../../stores/navigation-store';
import { GroupSyncState } from './GroupSyncState';
import { VirtualTable } from '../VirtualTable';

/** NAVN, full name and sync state of each group; the name links to the group's vendors. */
export function GroupTable({ groups, onOpen }: { groups: readonly MachineGroup[]; onOpen: (group: MachineGroup) => void }) {
  const { t } = useTranslation();
  return (
    <VirtualTable
      label={t('groups.list.tableLabel')}
      rows={groups}
      rowKey={(group) => group.id}
      columnCount={3}
      columnWidths={['28%', '40%', '32%']}
      rowHeight={56}
      rowTestId="group-row"
      onRowClick={onOpen}
      head={
        <>
          <th scope="col">{t('groups.list.name')}</th>
          <th scope="col">{t('groups.list.fullName')}</th>
          <th scope="col">{t('groups.list.state')}</th>
        </>
      }
      renderCells={(group) => (
        <>
          <td>
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
          </td>
          <td className="full-name" title={group.fullName}>
            {group.fullName}
          </td>
          <td className="wrap">
            <GroupSyncState group={group} />
          </td>
        </>
      )}
    />
  );
}
