import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MachineGroup } from '../../common/portal/portal-types';
import { CommandButton } from '../components/CommandButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { GroupTable } from '../components/groups/GroupTable';
import { NewGroupForm } from '../components/groups/NewGroupForm';
import { selectGroups, selectGroupsLoadError, useGroupStore } from '../stores/group-store';
import { selectNavigate, useNavigationStore } from '../stores/navigation-store';
import { selectService, useServiceStore } from '../stores/service-store';
import { selectAccount, useSessionStore } from '../stores/session-store';

/** "Dine maskingrupper" (the guide, chapters 2 and 3): the groups, and "Legg til ny maskingruppe". */
export function GroupsScreen() {
  const { t } = useTranslation();
  const groups = useGroupStore(selectGroups);
  const loadError = useGroupStore(selectGroupsLoadError);
  const load = useGroupStore((state) => state.load);
  const service = useServiceStore(selectService);
  const loadService = useServiceStore((state) => state.load);
  const prefix = useSessionStore(selectAccount)?.organisation.prefix ?? '';
  const navigate = useNavigationStore(selectNavigate);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<MachineGroup | undefined>();
  // CommandButton takes no ref, so focus is found through a wrapper.
  const addButtonRef = useRef<HTMLDivElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    void load();
    if (service === undefined) void loadService();
  }, [load, loadService, service]);

  // When the form closes, focus goes back to the button that opened it (it was hidden meanwhile).
  useEffect(() => {
    if (!adding && returnFocus.current) {
      returnFocus.current = false;
      addButtonRef.current?.querySelector('button')?.focus();
    }
  }, [adding]);

  const closeForm = () => {
    returnFocus.current = true;
    setAdding(false);
  };
  const open = (group: MachineGroup) => navigate({ screen: 'group', id: group.id });

  return (
    <section className="screen" aria-labelledby="groups-title">
      <h1 id="groups-title">{t('groups.list.title')}</h1>
      <p>{t('groups.list.about')}</p>
      {service && service.status !== 'active' && (
        <p className="notice" data-testid="groups-service-inactive">
          {t('groups.list.serviceInactive')}
        </p>
      )}
      {loadError && <ErrorMessage error={loadError} />}

      {groups === undefined ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : groups.length === 0 ? (
        <p className="muted">{t('groups.list.empty')}</p>
      ) : (
        <>
          <p className="muted">
            {t('groups.list.openHint')} {t('groups.list.count', { count: groups.length })}
          </p>
          <GroupTable groups={groups} onOpen={open} />
        </>
      )}

      <div role="status" className="groups-status">
        {created && !adding && (
          <p className="success" data-testid="group-created">
            {t('groups.list.created', { fullName: created.fullName })}
          </p>
        )}
      </div>

      {adding && groups ? (
        <NewGroupForm
          prefix={prefix}
          groups={groups}
          onCancel={closeForm}
          onCreated={(group) => {
            setCreated(group);
            closeForm();
            void load();
          }}
        />
      ) : (
        <div ref={addButtonRef}>
          <CommandButton
            data-opens-form="new-group"
            onClick={() => {
              setCreated(undefined);
              setAdding(true);
            }}
            disabled={groups === undefined}
          >
            {t('groups.list.add')}
          </CommandButton>
        </div>
      )}
    </section>
  );
}
