import { useTranslation } from 'react-i18next';
import type { AccessibleGroup } from '../../../common/portal/portal-types';
import { formatDateTime } from '../relative-time';
import { LaptopIcon } from './LaptopIcon';
import { VirtualTable } from '../VirtualTable';

/** Other organisations' groups this one may reach; a vendor serving many customers can have many. */
export function AccessibleGroupTable({ groups }: { groups: readonly AccessibleGroup[] }) {
  const { t, i18n } = useTranslation();
  return (
    <VirtualTable
      label={t('groups.accessible.tableLabel')}
      rows={groups}
      rowKey={(group) => group.id}
      columnCount={4}
      columnWidths={['38%', '27%', '20%', '15%']}
      rowTestId="accessible-row"
      head={
        <>
          <th scope="col">{t('groups.accessible.group')}</th>
          <th scope="col">{t('groups.accessible.owner')}</th>
          <th scope="col">{t('groups.accessible.access')}</th>
          <th scope="col">{t('groups.accessible.expires')}</th>
        </>
      }
      renderCells={(group) => (
        <>
          <td className="full-name" title={group.fullName}>
            {group.fullName}
          </td>
          <td>{group.owner.name}</td>
          <td data-mode={group.mode} data-testid="accessible-mode">
            {group.mode === 'without_approval' ? (
              <span className="without-approval">
                <LaptopIcon label={t('groups.accessible.laptopIcon')} /> {t('groups.accessible.withoutApproval')}
              </span>
            ) : (
              t('groups.accessible.withApproval')
            )}
          </td>
          <td>{group.expiresAt ? formatDateTime(group.expiresAt, i18n.language) : t('groups.accessible.never')}</td>
        </>
      )}
    />
  );
}
