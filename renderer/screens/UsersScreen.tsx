import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../common/portal/portal-types';
import { filterUserIndex } from '../../common/users/user-search';
import { ErrorMessage } from '../components/ErrorMessage';
import { NewUserForm } from '../components/users/NewUserForm';
import { UserCreatedNotice } from '../components/users/UserCreatedNotice';
import { focusFirstUserRow, UserList } from '../components/users/UserList';
import { selectService, useServiceStore } from '../stores/service-store';
import { selectUserIndex, selectUserListError, useUserStore } from '../stores/user-store';

/** Brukere: the guide's intro, "Legg til bruker", and every user of the organisation, searchable. */
export function UsersScreen() {
  const { t } = useTranslation();
  const index = useUserStore(selectUserIndex);
  const listError = useUserStore(selectUserListError);
  const load = useUserStore((state) => state.load);
  const service = useServiceStore(selectService);
  const loadService = useServiceStore((state) => state.load);
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<User>();
  const searchId = useId();
  const tableTitleId = useId();

  // On arrival; later changes arrive through cache.changed.
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (service === undefined) void loadService();
  }, [service, loadService]);

  // Synchronous on purpose: filtering the precomputed keys of 10 000 users takes well under a frame.
  const users = useMemo(() => (index ? filterUserIndex(index, query) : []), [index, query]);
  const total = index?.length ?? 0;

  return (
    <section className="screen users-screen" aria-labelledby="users-title">
      <h1 id="users-title">{t('users.list.title')}</h1>
      <p>{t('users.list.intro')}</p>
      {service && service.status !== 'active' && <p className="notice">{t('users.list.serviceInactive')}</p>}

      {created && !adding && <UserCreatedNotice user={created} onClose={() => setCreated(undefined)} />}
      {adding ? (
        <NewUserForm
          onCreated={(user) => {
            setAdding(false);
            setCreated(user);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <p>
          <button
            type="button"
            data-opens-form="new-user"
            onClick={() => {
              setCreated(undefined);
              setAdding(true);
            }}
          >
            {t('users.list.add')}
          </button>
        </p>
      )}

      <h2 id={tableTitleId}>{t('users.list.tableLabel')}</h2>
      <div className="field search-field">
        <label htmlFor={searchId}>{t('users.list.search')}</label>
        <input
          id={searchId}
          type="search"
          value={query}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${searchId}-hint`}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              focusFirstUserRow();
            }
          }}
        />
        <p className="field-hint" id={`${searchId}-hint`}>
          {t('users.list.searchHint')}
        </p>
      </div>
      {listError && <ErrorMessage error={listError} />}
      {index === undefined && !listError && <p aria-busy="true">{t('common.loading')}</p>}
      {index !== undefined && (
        <>
          <p className="muted" role="status" data-testid="user-count">
            {t('users.list.count', { shown: users.length, count: total })}
          </p>
          {users.length > 0 ? (
            <UserList users={users} />
          ) : (
            <p>{total === 0 ? t('users.list.empty') : t('users.list.noMatches')}</p>
          )}
        </>
      )}
    </section>
  );
}
