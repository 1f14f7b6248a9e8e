import { useTranslation } from 'react-i18next';
import type { Grant, GrantMode } from '../../../common/portal/portal-types';
import { engineStateOf } from '../../../common/engine/engine-object-state';
import { selectIsSimulated, useEngineStore } from '../../stores/engine-store';
import { selectGrantBusy, useGrantStore } from '../../stores/grant-store';
import { selectIsOffline, useSyncStore } from '../../stores/sync-store';
import { CommandButton } from '../CommandButton';
import { EngineObjectState, engineStateText } from '../engine/EngineObjectState';
import { formatDateTime } from '../relative-time';
import { useGrantUsageColumns } from '../sessions/grant-usage-columns';
import { DataTable } from '../table/DataTable';

/**
 * "Leverandører med tilgang". The mode is changed in place (to "med godkjenning" at once; to "uten
 * godkjenning" after the screen's dialog); "Fjern" asks first, in the screen's dialog. "Gitt" is when
 * access was first given.
 */
export function GrantTable({
  groupName,
  grants,
  onChangeMode,
  onRemove,
}: {
  groupName: string;
  grants: readonly Grant[];
  onChangeMode: (grant: Grant, mode: GrantMode) => void;
  onRemove: (grant: Grant) => void;
}) {
  const { t, i18n } = useTranslation();
  const modeText = (grant: Grant) => (grant.mode === 'with_approval' ? t('groups.grant.withApproval') : t('groups.grant.withoutApproval'));
  // Each grant's state in the remote-support system, when a real one is driven and the portal sent it.
  const simulated = useEngineStore(selectIsSimulated);
  const engineText = (grant: Grant) => engineStateText(t, engineStateOf(grant));
  const engineColumn = !simulated && grants.some((grant) => engineStateOf(grant) !== undefined);
  const usageColumns = useGrantUsageColumns((grant: Grant) => grant);
  return (
    <DataTable
      label={t('groups.detail.vendorsTableLabel', { group: groupName })}
      rows={grants}
      rowKey={(grant) => grant.id}
      sortedBy={{ column: 'vendor', direction: 'ascending' }}
      rowTestId="grant-row"
      rowData={(grant) => ({ 'data-vendor': grant.vendor.name, 'data-mode': grant.mode })}
      columns={[
        {
          id: 'vendor',
          header: t('groups.detail.vendor'),
          rowHeader: true,
          text: (grant) => grant.vendor.name,
          sort: { kind: 'text', value: (grant) => grant.vendor.name },
        },
        {
          id: 'access',
          header: t('groups.detail.access'),
          fit: 'whole',
          sort: { kind: 'text', value: modeText },
          render: (grant) => <GrantModeSelect grant={grant} onChangeMode={onChangeMode} />,
        },
        {
          id: 'granted',
          header: t('groups.detail.granted'),
          text: (grant) => t('groups.detail.grantedWhenBy', { when: formatDateTime(grant.grantedAt, i18n.language), by: grant.grantedBy }),
          sort: { kind: 'time', value: (grant) => grant.grantedAt },
          cellData: () => ({ 'data-testid': 'grant-granted' }),
        },
        {
          id: 'expires',
          header: t('groups.detail.expires'),
          text: (grant) => (grant.expiresAt ? formatDateTime(grant.expiresAt, i18n.language) : t('groups.detail.never')),
          sort: { kind: 'time', value: (grant) => grant.expiresAt ?? null },
          cellData: () => ({ 'data-testid': 'grant-expires' }),
        },
        ...usageColumns,
        ...(engineColumn
          ? [
              {
                id: 'engine',
                header: t('engine.object.label'),
                text: engineText,
                render: (grant: Grant) => <EngineObjectState item={grant} />,
                sort: { kind: 'text' as const, value: engineText },
              },
            ]
          : []),
        {
          id: 'actions',
          header: t('groups.detail.actions'),
          headerHidden: true,
          fit: 'whole',
          render: (grant) => <RemoveGrantButton grant={grant} onRemove={onRemove} />,
        },
      ]}
    />
  );
}

function GrantModeSelect({ grant, onChangeMode }: { grant: Grant; onChangeMode: (grant: Grant, mode: GrantMode) => void }) {
  const { t } = useTranslation();
  const busy = useGrantStore(selectGrantBusy(grant.groupId, grant.vendor.id));
  const offline = useSyncStore(selectIsOffline);
  return (
    <select
      aria-label={t('groups.detail.modeFor', { vendor: grant.vendor.name })}
      value={grant.mode}
      disabled={busy || offline}
      title={offline ? t('sync.offlineCommand') : undefined}
      onChange={(event) => onChangeMode(grant, event.target.value as GrantMode)}
    >
      <option value="with_approval">{t('groups.grant.withApproval')}</option>
      <option value="without_approval">{t('groups.grant.withoutApproval')}</option>
    </select>
  );
}

function RemoveGrantButton({ grant, onRemove }: { grant: Grant; onRemove: (grant: Grant) => void }) {
  const { t } = useTranslation();
  const busy = useGrantStore(selectGrantBusy(grant.groupId, grant.vendor.id));
  return (
    <CommandButton className="secondary" disabled={busy} aria-label={t('groups.detail.removeLabel', { vendor: grant.vendor.name })} onClick={() => onRemove(grant)}>
      {t('groups.detail.remove')}
    </CommandButton>
  );
}
