import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../common/portal/portal-types';
import { selectNavigate, useNavigationStore, type Route } from '../../stores/navigation-store';

const ROW_HEIGHT = 44;
const MAX_VISIBLE_ROWS = 12;

/**
 * One user. Memoised on the user object: the index keeps the same objects between keystrokes, so
 * filtering re-renders only the rows that appear, not those that stay.
 */
const UserRow = memo(function UserRow({
  user,
  index,
  start,
  twoFactorLabel,
  navigate,
}: {
  user: User;
  index: number;
  start: number;
  twoFactorLabel: string;
  navigate: (route: Route) => void;
}) {
  return (
    <div role="row" aria-rowindex={index + 2} className="user-row" data-index={index} style={{ transform: `translateY(${start}px)` }}>
      <span role="cell" className="user-name">
        <a
          href={`#/user/${encodeURIComponent(user.id)}`}
          onClick={(event) => {
            event.preventDefault();
            navigate({ screen: 'user', id: user.id });
          }}
        >
          {user.firstName} {user.lastName}
        </a>
      </span>
      <span role="cell">{user.username}</span>
      <span role="cell" className="user-email">
        {user.email}
      </span>
      <span role="cell">{user.mobile}</span>
      <span role="cell">{twoFactorLabel}</span>
    </div>
  );
});

/**
 * The users as an ARIA table whose rows are virtualised: with 10 000 users only the visible rows
 * (plus a few) exist in the DOM, and aria-rowcount/aria-rowindex tell assistive technology the rest.
 * Arrow keys move between the rows' links.
 */
export function UserList({ users, labelledBy }: { users: User[]; labelledBy: string }) {
  const { t } = useTranslation();
  const navigate = useNavigationStore(selectNavigate);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: users.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => users[index]?.id ?? index,
  });
  const totp = t('users.fields.totp');
  const yubikey = t('users.fields.yubikey');

  const focusRow = useCallback(
    (index: number) => {
      const target = Math.max(0, Math.min(users.length - 1, index));
      virtualizer.scrollToIndex(target, { align: 'auto' });
      // The row may only exist after the virtualiser has rendered the new range.
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLAnchorElement>(`[data-index="${target}"] a`)?.focus());
    },
    [users.length, virtualizer],
  );
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row) return;
    const index = Number(row.dataset['index']);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: users.length - 1, PageDown: index + MAX_VISIBLE_ROWS, PageUp: index - MAX_VISIBLE_ROWS };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    focusRow(next);
  };

  const height = Math.min(MAX_VISIBLE_ROWS, Math.max(1, users.length)) * ROW_HEIGHT;
  return (
    <div role="table" className="user-table" aria-labelledby={labelledBy} aria-rowcount={users.length + 1} data-testid="user-list" data-count={users.length}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="user-row user-header">
          <span role="columnheader">{t('users.columns.name')}</span>
          <span role="columnheader">{t('users.columns.username')}</span>
          <span role="columnheader">{t('users.columns.email')}</span>
          <span role="columnheader">{t('users.columns.mobile')}</span>
          <span role="columnheader">{t('users.columns.twoFactor')}</span>
        </div>
      </div>
      <div role="rowgroup" ref={scrollRef} className="user-rows" style={{ height }} onKeyDown={onKeyDown}>
        <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const user = users[item.index]!;
            return <UserRow key={item.key} user={user} index={item.index} start={item.start} twoFactorLabel={user.twoFactor === 'totp' ? totp : yubikey} navigate={navigate} />;
          })}
        </div>
      </div>
    </div>
  );
}

/** Lets the search field hand focus to the first row (ArrowDown), keyboard-first. */
export function focusFirstUserRow(): void {
  document.querySelector<HTMLAnchorElement>('[data-testid="user-list"] [data-index="0"] a')?.focus();
}
