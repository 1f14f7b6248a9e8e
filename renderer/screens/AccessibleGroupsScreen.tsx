import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import { FilterSelect } from '../components/FilterSelect';
import { AccessibleGroupTable } from '../components/groups/AccessibleGroupTable';
import {
  selectAccessibleGroups,
  selectAccessibleGroupsError,
  selectOwnerFilter,
  useAccessibleGroupStore,
} from '../stores/accessible-group-store';

/** "Maskingrupper du har tilgang til" (the guide, chapter 4), filtered by owner organisation. */
export function AccessibleGroupsScreen() {
  const { t } = useTranslation();
  const groups = useAccessibleGroupStore(selectAccessibleGroups);
  const error = useAccessibleGroupStore(selectAccessibleGroupsError);
  const ownerFilter = useAccessibleGroupStore(selectOwnerFilter);
  const load = useAccessibleGroupStore((state) => state.load);
  const setOwnerFilter = useAccessibleGroupStore((state) => state.setOwnerFilter);

  useEffect(() => {
    void load();
  }, [load]);

  const owners = useMemo(() => {
    const byId = new Map((groups ?? []).map((group) => [group.owner.id, group.owner.name]));
    return [...byId].map(([id, name]) => ({ id, name }));
  }, [groups]);
  // A filter for an organisation that no longer grants access shows everything rather than nothing.
  const activeFilter = owners.some((owner) => owner.id === ownerFilter) ? ownerFilter : '';
  const shown = useMemo(() => (groups ?? []).filter((group) => !activeFilter || group.owner.id === activeFilter), [groups, activeFilter]);

  return (
    <section className="screen" aria-labelledby="accessible-title">
      <h1 id="accessible-title">{t('groups.accessible.title')}</h1>
      <p>{t('groups.accessible.about')}</p>
      {error && <ErrorMessage error={error} />}
      {groups === undefined ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : groups.length === 0 ? (
        <p className="muted">{t('groups.accessible.empty')}</p>
      ) : (
        <>
          <FilterSelect
            label={t('groups.accessible.filter')}
            allLabel={t('groups.accessible.allOrganisations')}
            value={activeFilter}
            options={owners.map((owner) => ({ value: owner.id, label: owner.name }))}
            onChange={(owner) => setOwnerFilter(owner ?? '')}
          />
          <p className="muted" role="status" data-testid="accessible-count">
            {t('groups.accessible.count', { shown: shown.length, total: groups.length })}
          </p>
          <AccessibleGroupTable groups={shown} />
        </>
      )}
    </section>
  );
}
