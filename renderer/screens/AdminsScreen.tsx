import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../common/portal/portal-types';
import type { PortalErrorData } from '../../common/result';
import { CommandButton } from '../components/CommandButton';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { DataTable } from '../components/table/DataTable';
import { DelegateAdminForm } from '../components/users/DelegateAdminForm';
import { selectAdminError, selectAdmins, selectIsLastAdmin, useAdminStore } from '../stores/admin-store';
import { selectAccount, useSessionStore } from '../stores/session-store';
import { useUserStore } from '../stores/user-store';

type Notice = { kind: 'delegated' | 'revoked'; name: string };

const fullName = (user: User) => `${user.firstName} ${user.lastName}`;

/** Kundeportaladministratorer: who may use the portal, delegation, and the last-admin rule up front. */
export function AdminsScreen() {
  const { t } = useTranslation();
  const admins = useAdminStore(selectAdmins);
  const loadError = useAdminStore(selectAdminError);
  const isLastAdmin = useAdminStore(selectIsLastAdmin);
  const load = useAdminStore((state) => state.load);
  const revoke = useAdminStore((state) => state.revoke);
  const loadUsers = useUserStore((state) => state.load);
  const account = useSessionStore(selectAccount);
  const [revoking, setRevoking] = useState<User>();
  const [notice, setNotice] = useState<Notice>();
  const [error, setError] = useState<PortalErrorData>();

  useEffect(() => {
    void load();
    void loadUsers();
  }, [load, loadUsers]);

  const confirmRevoke = async (user: User) => {
    setRevoking(undefined);
    setError(undefined);
    setNotice(undefined);
    const result = await revoke(user.id);
    if (result.ok) setNotice({ kind: 'revoked', name: fullName(user) });
    else setError(result.error);
  };

  return (
    <section className="screen admins-screen" aria-labelledby="admins-title">
      <h1 id="admins-title">{t('users.admins.title')}</h1>
      <p>{t('users.admins.intro')}</p>
      <p className="notice" id="last-admin-rule" data-testid="last-admin-rule">
        {t('users.admins.lastAdminRule')}
      </p>

      <h2 id="admins-list-title">{t('users.admins.listTitle')}</h2>
      {loadError && <ErrorMessage error={loadError} />}
      {admins === undefined && !loadError && <p aria-busy="true">{t('common.loading')}</p>}
      {admins !== undefined && admins.length === 0 && <p>{t('users.admins.empty')}</p>}
      {admins !== undefined && admins.length > 0 && (
        <DataTable
          label={t('users.admins.listTitle')}
          testId="admin-list"
          rows={admins}
          rowKey={(admin) => admin.id}
          sortedBy={{ column: 'name', direction: 'ascending' }}
          rowData={(admin) => ({ 'data-username': admin.username })}
          columns={[
            {
              id: 'name',
              header: t('users.columns.name'),
              text: (admin) => (admin.id === account?.user.id ? `${fullName(admin)} ${t('users.admins.you')}` : fullName(admin)),
              sort: { kind: 'text', value: (admin) => `${admin.lastName} ${admin.firstName}` },
              render: (admin) => (
                <>
                  {fullName(admin)} {admin.id === account?.user.id && <span className="muted">{t('users.admins.you')}</span>}
                </>
              ),
            },
            { id: 'username', header: t('users.columns.username'), fit: 'cut', text: (admin) => admin.username, sort: { kind: 'text', value: (admin) => admin.username } },
            { id: 'email', header: t('users.columns.email'), fit: 'cut', text: (admin) => admin.email, sort: { kind: 'text', value: (admin) => admin.email } },
            {
              id: 'actions',
              header: t('users.admins.revoke'),
              headerHidden: true,
              fit: 'whole',
              render: (admin) => (
                <CommandButton
                  className="secondary"
                  disabled={isLastAdmin}
                  title={isLastAdmin ? t('users.admins.revokeLastDisabled') : undefined}
                  aria-describedby="last-admin-rule"
                  aria-label={`${t('users.admins.revoke')}: ${fullName(admin)}`}
                  onClick={() => setRevoking(admin)}
                >
                  {t('users.admins.revoke')}
                </CommandButton>
              ),
            },
          ]}
        />
      )}
      {error && <ErrorMessage error={error} />}
      <div role="status">
        {notice && (
          <p className="notice user-success" data-testid="admin-notice">
            {notice.kind === 'delegated' ? t('users.admins.delegated', { name: notice.name }) : t('users.admins.revoked', { name: notice.name })}
          </p>
        )}
      </div>

      <h2>{t('users.admins.delegateTitle')}</h2>
      <DelegateAdminForm
        onDelegated={(user) => {
          setError(undefined);
          setNotice({ kind: 'delegated', name: fullName(user) });
        }}
      />

      {revoking && (
        <ConfirmDialog
          title={t('users.admins.revokeTitle', { name: fullName(revoking) })}
          confirmLabel={t('users.admins.revokeConfirm')}
          onCancel={() => setRevoking(undefined)}
          onConfirm={() => void confirmRevoke(revoking)}
        >
          <p>{t('users.admins.revokeBody', { name: fullName(revoking), username: revoking.username })}</p>
          {revoking.id === account?.user.id && <p className="error-message">{t('users.admins.revokeSelf')}</p>}
        </ConfirmDialog>
      )}
    </section>
  );
}
