import { useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../common/users/user-summary';
import { selectNavigate, useNavigationStore } from '../../stores/navigation-store';
import { markStep } from '../../timing/step-marks';
import { EngineObjectState } from '../engine/EngineObjectState';
import { DataTable, focusFirstRow } from '../table/DataTable';

const TEST_ID = 'user-list';

/**
 * The users, in the order of the search index (last name, first name), sortable by any column. With
 * 10 000 users only the rows in view exist in the DOM; Arrow keys move between the rows' links.
 */
export function UserList({ users }: { users: readonly UserSummary[] }) {
  const { t } = useTranslation();
  const navigate = useNavigationStore(selectNavigate);
  // Translated once per render, not once per row: the table reads these for hundreds of rows as it sizes its columns.
  const labels = {
    totp: t('users.fields.totp'),
    yubikey: t('users.fields.yubikey'),
    deactivated: t('users.lifecycle.deactivatedStatus'),
    active: t('users.lifecycle.active'),
  };
  const twoFactor = (user: UserSummary) => (user.twoFactor === 'totp' ? labels.totp : labels.yubikey);
  const fullName = (user: UserSummary) => `${user.firstName} ${user.lastName}`;
  // A user cached by an older portal has no status: it was active.
  const status = (user: UserSummary) => (user.status === 'deactivated' ? labels.deactivated : labels.active);
  // The list is in the DOM before its first paint (bench/renderer.ts: "list rendered (React)").
  useLayoutEffect(() => markStep('users.list.committed'));
  return (
    <DataTable
      label={t('users.list.tableLabel')}
      testId={TEST_ID}
      rows={users}
      rowKey={(user) => user.id}
      sortedBy={{ column: 'name', direction: 'ascending' }}
      columns={[
        {
          id: 'name',
          header: t('users.columns.name'),
          text: fullName,
          // As the list is ordered: by last name, then first name.
          sort: { kind: 'text', value: (user) => `${user.lastName} ${user.firstName}` },
          cellClass: () => 'user-name',
          render: (user) => (
            <a
              href={`#/user/${encodeURIComponent(user.id)}`}
              onClick={(event) => {
                event.preventDefault();
                navigate({ screen: 'user', id: user.id });
              }}
            >
              {fullName(user)}
            </a>
          ),
        },
        { id: 'username', header: t('users.columns.username'), fit: 'cut', text: (user) => user.username, sort: { kind: 'text', value: (user) => user.username } },
        { id: 'email', header: t('users.columns.email'), fit: 'cut', text: (user) => user.email, sort: { kind: 'text', value: (user) => user.email } },
        { id: 'mobile', header: t('users.columns.mobile'), text: (user) => user.mobile, sort: { kind: 'text', value: (user) => user.mobile } },
        { id: 'twoFactor', header: t('users.columns.twoFactor'), text: twoFactor, sort: { kind: 'text', value: twoFactor } },
        {
          id: 'status',
          header: t('users.columns.status'),
          text: status,
          sort: { kind: 'text', value: status },
          cellClass: (user) => (user.status === 'deactivated' ? 'user-deactivated' : undefined),
          // The user's state in the remote-support system, when the portal sends it and it needs attention.
          render: (user) => (
            <>
              {status(user)} <EngineObjectState item={user} onlyTrouble />
            </>
          ),
        },
      ]}
    />
  );
}

/** Lets the search field hand focus to the first row (ArrowDown), keyboard-first. */
export function focusFirstUserRow(): void {
  focusFirstRow(document.querySelector<HTMLElement>(`[data-testid="${TEST_ID}"]`));
}
