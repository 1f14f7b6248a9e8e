import { useTranslation } from 'react-i18next';
import type { Grant, GrantMode } from '../../../common/portal/portal-types';
import { selectGrantBusy, useGrantStore } from '../../stores/grant-store';
import { selectIsOffline, useSyncStore } from '../../stores/sync-store';
import { CommandButton } from '../CommandButton';
import { formatDateTime } from '../relative-time';

/**
 * "Leverandører med tilgang": a handful of vendors per group at most, so a plain table. The mode is
 * changed in place (the select sends at once); "Fjern" asks first, in the screen's dialog.
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
  const { t } = useTranslation();
  return (
    <table aria-label={t('groups.detail.vendorsTableLabel', { group: groupName })} className="grant-table">
      <thead>
        <tr>
          <th scope="col">{t('groups.detail.vendor')}</th>
          <th scope="col">{t('groups.detail.access')}</th>
          <th scope="col">{t('groups.detail.granted')}</th>
          <th scope="col">{t('groups.detail.expires')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('groups.detail.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {grants.map((grant) => (
          <GrantRow key={grant.id} grant={grant} onChangeMode={onChangeMode} onRemove={onRemove} />
        ))}
      </tbody>
    </table>
  );
}

function GrantRow({ grant, onChangeMode, onRemove }: { grant: Grant; onChangeMode: (grant: Grant, mode: GrantMode) => void; onRemove: (grant: Grant) => void }) {
  const { t, i18n } = useTranslation();
  const busy = useGrantStore(selectGrantBusy(grant.groupId, grant.vendor.id));
  const offline = useSyncStore(selectIsOffline);
  return (
    <tr data-testid="grant-row" data-vendor={grant.vendor.name} data-mode={grant.mode}>
      <th scope="row">{grant.vendor.name}</th>
      <td>
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
      </td>
      <td>{t('groups.detail.grantedWhenBy', { when: formatDateTime(grant.grantedAt, i18n.language), by: grant.grantedBy })}</td>
      <td data-testid="grant-expires">{grant.expiresAt ? formatDateTime(grant.expiresAt, i18n.language) : t('groups.detail.never')}</td>
      <td>
        <CommandButton className="secondary" disabled={busy} aria-label={t('groups.detail.removeLabel', { vendor: grant.vendor.name })} onClick={() => onRemove(grant)}>
          {t('groups.detail.remove')}
        </CommandButton>
      </td>
    </tr>
  );
}
