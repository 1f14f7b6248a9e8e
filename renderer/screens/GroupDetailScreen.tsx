import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keptExpiresAt } from '../../common/groups/grant-expiry';
import type { Grant, GrantMode } from '../../common/portal/portal-types';
import { CommandButton } from '../components/CommandButton';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { EngineFact } from '../components/engine/EngineObjectState';
import { SimulatedNotice } from '../components/engine/SimulatedNotice';
import { DevicesSection } from '../components/groups/DevicesSection';
import { GrantTable } from '../components/groups/GrantTable';
import { GroupSyncState } from '../components/groups/GroupSyncState';
import { NewGrantForm } from '../components/groups/NewGrantForm';
import { RenameGroupForm } from '../components/groups/RenameGroupForm';
import { selectGrantCommandError, selectGrantsFor, selectGrantsLoadError, useGrantStore } from '../stores/grant-store';
import { selectGroupById, selectGroupDeleteError, selectGroupDeleting, selectGroups, selectGroupsLoadError, useGroupStore } from '../stores/group-store';
import { routeToHash, selectNavigate, useNavigationStore } from '../stores/navigation-store';
import { selectAccount, useSessionStore } from '../stores/session-store';

/** One machine group (the guide, chapter 2): NAVN, "Leverandører med tilgang", "Legg til ny leverandør". */
export function GroupDetailScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const group = useGroupStore(useMemo(() => selectGroupById(id), [id]));
  const groupsError = useGroupStore(selectGroupsLoadError);
  const loadGroups = useGroupStore((state) => state.load);
  const grants = useGrantStore(useMemo(() => selectGrantsFor(id), [id]));
  const grantsError = useGrantStore(selectGrantsLoadError);
  const commandError = useGrantStore(selectGrantCommandError);
  const loadGrants = useGrantStore((state) => state.load);
  const put = useGrantStore((state) => state.put);
  const remove = useGrantStore((state) => state.remove);
  const organisation = useSessionStore(selectAccount)?.organisation;
  const ownOrganisationId = organisation?.id;
  const groups = useGroupStore(selectGroups);
  const removeGroup = useGroupStore((state) => state.remove);
  const deleting = useGroupStore(selectGroupDeleting);
  const deleteError = useGroupStore(selectGroupDeleteError);
  const clearDeleteError = useGroupStore((state) => state.clearDeleteError);
  const [renamingGroup, setRenamingGroup] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  // Set once the portal has deleted the group: the screen says so instead of "not found".
  const [deletedName, setDeletedName] = useState<string | undefined>();
  const navigate = useNavigationStore(selectNavigate);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Grant | undefined>();
  // A change to "uten godkjenning" waits for the admin's confirmation, like "Fjern".
  const [loosening, setLoosening] = useState<Grant | undefined>();
  const [notice, setNotice] = useState('');
  // CommandButton takes no ref, so focus is found through a wrapper.
  const addButtonRef = useRef<HTMLDivElement>(null);
  const returnFocus = useRef(false);
  // The "Fjern" button or mode choice that opened a dialog: focus returns there if the admin cancels.
  const removeTrigger = useRef<HTMLElement | null>(null);

  useEffect(() => {
    void loadGroups();
    void loadGrants(id);
  }, [id, loadGroups, loadGrants]);
  useEffect(() => () => clearDeleteError(), [clearDeleteError]);

  useEffect(() => {
    if (!adding && !removing && !loosening && returnFocus.current) {
      returnFocus.current = false;
      const trigger = removeTrigger.current;
      removeTrigger.current = null;
      if (trigger?.isConnected) trigger.focus();
      else addButtonRef.current?.querySelector('button')?.focus();
    }
  }, [adding, removing, loosening]);

  const excludeVendorIds = useMemo(() => {
    const ids = new Set((grants ?? []).map((grant) => grant.vendor.id));
    if (ownOrganisationId) ids.add(ownOrganisationId);
    return ids;
  }, [grants, ownOrganisationId]);

  const back = (
    <p>
      <a
        href={routeToHash({ screen: 'groups' })}
        onClick={(event) => {
          event.preventDefault();
          navigate({ screen: 'groups' });
        }}
      >
        <span aria-hidden="true">← </span>
        {t('groups.detail.back')}
      </a>
    </p>
  );
  if (deletedName !== undefined) {
    return (
      <section className="screen">
        {back}
        <p role="status" className="success" data-testid="group-deleted">
          {t('groups.delete.deleted', { fullName: deletedName })}
        </p>
      </section>
    );
  }
  if (group === undefined) return groupsError ? <ErrorMessage error={groupsError} /> : <p aria-busy="true">{t('common.loading')}</p>;
  if (group === null) {
    return (
      <section className="screen">
        {back}
        <p role="alert">{t('groups.detail.notFound')}</p>
      </section>
    );
  }

  const modeLabel = (mode: GrantMode) => (mode === 'with_approval' ? t('groups.grant.withApproval') : t('groups.grant.withoutApproval'));
  const askToChangeMode = (grant: Grant, mode: GrantMode) => {
    if (mode === 'without_approval' && grant.mode !== mode) {
      removeTrigger.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setLoosening(grant);
    } else void changeMode(grant, mode);
  };
  const changeMode = async (grant: Grant, mode: GrantMode) => {
    setNotice('');
    // The portal replaces the whole grant: send the expiry along, or a time-limited access would become permanent.
    const changed = await put({ groupId: grant.groupId, vendorId: grant.vendor.id, mode, expiresAt: keptExpiresAt(grant.expiresAt, new Date()) });
    if (changed) setNotice(t('groups.detail.modeChanged', { vendor: grant.vendor.name, mode: modeLabel(mode) }));
  };
  const confirmRemove = async (grant: Grant) => {
    // Its row is about to go: focus moves on to "Legg til ny leverandør" instead.
    removeTrigger.current = null;
    setRemoving(undefined);
    returnFocus.current = true;
    setNotice('');
    if (await remove(grant.groupId, grant.vendor.id)) setNotice(t('groups.detail.removed', { vendor: grant.vendor.name, group: group.fullName }));
  };

  const vendorCount = grants?.length ?? 0;
  // Why "Slett gruppen" cannot be used now, said under it (a disabled button cannot be focused to ask).
  const deleteBlocked = group.isDefault ? t('groups.delete.defaultGroup') : vendorCount > 0 ? t('groups.delete.blocked', { count: vendorCount }) : undefined;
  const confirmDelete = async () => {
    setConfirmingDelete(false);
    setNotice('');
    const fullName = group.fullName;
    if (await removeGroup(group.id, group.version)) setDeletedName(fullName);
  };

  return (
    <section className="screen group-detail" aria-labelledby="group-title">
      {back}
      <p className="caps-label" id="group-name-label">
        {t('groups.detail.nameLabel')}
      </p>
      <h1 id="group-title" aria-describedby="group-name-label">
        {group.name}
      </h1>
      <dl className="facts">
        <dt>{t('groups.detail.fullName')}</dt>
        <dd className="full-name">{group.fullName}</dd>
        <dt>{t('groups.detail.state')}</dt>
        <dd>
          <GroupSyncState group={group} />
        </dd>
        <EngineFact item={group} />
      </dl>
      {renamingGroup && organisation ? (
        <RenameGroupForm
          group={group}
          prefix={organisation.prefix}
          groups={groups ?? []}
          onCancel={() => setRenamingGroup(false)}
          onRenamed={(renamed) => {
            setRenamingGroup(false);
            setNotice(t('groups.rename.renamed', { fullName: renamed.fullName }));
          }}
        />
      ) : (
        <CommandButton
          className="secondary"
          data-opens-form="rename-group"
          onClick={() => {
            setNotice('');
            setRenamingGroup(true);
          }}
        >
          {t('groups.rename.open')}
        </CommandButton>
      )}

      <h2>{t('groups.detail.vendorsTitle')}</h2>
      <p>{t('groups.detail.vendorsAbout')}</p>
      <SimulatedNotice />
      {grantsError && <ErrorMessage error={grantsError} />}
      {grants === undefined ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : grants.length === 0 ? (
        <p className="muted" data-testid="no-grants">
          {t('groups.detail.noVendors')}
        </p>
      ) : (
        <GrantTable groupName={group.fullName} grants={grants} onChangeMode={askToChangeMode} onRemove={(grant) => {
            removeTrigger.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
            setRemoving(grant);
          }} />
      )}
      <div role="status" className="groups-status">
        {notice && (
          <p className="success" data-testid="grant-notice">
            {notice}
          </p>
        )}
      </div>
      {commandError && !adding && <ErrorMessage error={commandError} />}

      {adding ? (
        <NewGrantForm
          group={group}
          excludeVendorIds={excludeVendorIds}
          onCancel={() => {
            returnFocus.current = true;
            setAdding(false);
          }}
          onGranted={(grant) => {
            returnFocus.current = true;
            setAdding(false);
            setNotice(t('groups.detail.grantedNotice', { vendor: grant.vendor.name, group: group.fullName }));
          }}
        />
      ) : (
        <div ref={addButtonRef}>
          <CommandButton
            data-opens-form="new-grant"
            onClick={() => {
              setNotice('');
              setAdding(true);
            }}
          >
            {t('groups.detail.addVendor')}
          </CommandButton>
        </div>
      )}

      <DevicesSection group={group} />

      <div className="group-delete">
        <CommandButton
          className="danger"
          disabled={deleteBlocked !== undefined || deleting || grants === undefined}
          aria-describedby={deleteBlocked ? 'group-delete-blocked' : undefined}
          onClick={() => {
            clearDeleteError();
            setConfirmingDelete(true);
          }}
        >
          {t('groups.delete.button')}
        </CommandButton>
        {deleteBlocked && (
          <p id="group-delete-blocked" className="muted" data-testid="group-delete-blocked">
            {deleteBlocked}
          </p>
        )}
        {deleteError &&
          (deleteError.code === 'PRECONDITION_FAILED' ? (
            <p role="alert" className="error-message" data-error-code="PRECONDITION_FAILED">
              {t('groups.delete.PRECONDITION_FAILED')}
            </p>
          ) : (
            <ErrorMessage error={deleteError} placed={['grants', 'id']} />
          ))}
      </div>

      {confirmingDelete && (
        <ConfirmDialog title={t('groups.delete.title')} confirmLabel={t('groups.delete.confirm')} onCancel={() => setConfirmingDelete(false)} onConfirm={() => void confirmDelete()}>
          <p>{t('groups.delete.body', { group: group.fullName })}</p>
        </ConfirmDialog>
      )}
      {removing && (
        <ConfirmDialog
          title={t('groups.detail.removeTitle')}
          confirmLabel={t('groups.detail.remove')}
          onCancel={() => {
            returnFocus.current = true;
            setRemoving(undefined);
          }}
          onConfirm={() => void confirmRemove(removing)}
        >
          <p>{t('groups.detail.removeBody', { vendor: removing.vendor.name, group: group.fullName })}</p>
        </ConfirmDialog>
      )}
      {loosening && (
        <ConfirmDialog
          title={t('groups.detail.loosenTitle', { vendor: loosening.vendor.name })}
          confirmLabel={t('groups.detail.loosenConfirm')}
          onCancel={() => {
            returnFocus.current = true;
            setLoosening(undefined);
          }}
          onConfirm={() => {
            returnFocus.current = true;
            setLoosening(undefined);
            void changeMode(loosening, 'without_approval');
          }}
        >
          <p>{t('groups.detail.loosenBody', { vendor: loosening.vendor.name, group: group.fullName })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
