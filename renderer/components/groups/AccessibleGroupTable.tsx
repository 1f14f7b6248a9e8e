import { useTranslation } from 'react-i18next';
import type { AccessibleGroup } from '../../../common/portal/portal-types';
import { formatDateTime } from '../relative-time';
import { DataTable } from '../table/DataTable';
import { LaptopIcon } from './LaptopIcon';

/** Other organisations' groups this one may reach; a vendor serving many customers can have many. */
export function AccessibleGroupTable({ groups }: { groups: readonly AccessibleGroup[] }) {
  const { t, i18n } = useTranslation();
  const modeText = (group: AccessibleGroup) => (group.mode === 'without_approval' ? t('groups.accessible.withoutApproval') : t('groups.accessible.withApproval'));
  return (
    <DataTable
      label={t('groups.accessible.tableLabel')}
      rows={groups}
      rowKey={(group) => group.id}
      sortedBy={{ column: 'owner', direction: 'ascending' }}
      rowTestId="accessible-row"
      columns={[
        {
          id: 'group',
          header: t('groups.accessible.group'),
          text: (group) => group.fullName,
          sort: { kind: 'text', value: (group) => group.fullName },
          fit: 'cut',
          cellClass: () => 'full-name',
        },
        {
          id: 'owner',
          header: t('groups.accessible.owner'),
          text: (group) => group.owner.name,
          sort: { kind: 'text', value: (group) => group.owner.name },
        },
        {
          id: 'access',
          header: t('groups.accessible.access'),
          text: modeText,
          sort: { kind: 'text', value: modeText },
          fit: 'whole',
          cellData: (group) => ({ 'data-mode': group.mode, 'data-testid': 'accessible-mode' }),
          render: (group) =>
            group.mode === 'without_approval' ? (
              <span className="without-approval">
                <LaptopIcon label={t('groups.accessible.laptopIcon')} /> {modeText(group)}
              </span>
            ) : (
              modeText(group)
            ),
        },
        {
          id: 'expires',
          header: t('groups.accessible.expires'),
          text: (group) => (group.expiresAt ? formatDateTime(group.expiresAt, i18n.language) : t('groups.accessible.never')),
          sort: { kind: 'time', value: (group) => group.expiresAt ?? null },
        },
      ]}
    />
  );
}
