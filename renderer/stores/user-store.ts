import { create } from 'zustand';
import type { OneTimePasswordReceipt, User } from '../../common/portal/portal-types';
import type { PortalErrorData, Result } from '../../common/result';
import type { NewUserInput, UserChanges } from '../../common/users/user-form';
import { userSummary, type UserSummary } from '../../common/users/user-summary';
import { buildUserSearchIndex, foldSearchKeys, type UserSearchEntry } from '../../common/users/user-search';
import { markStep } from '../timing/step-marks';
import { onCacheChanged } from './cache-reload';

interface UserState {
  /** Sorted, with each user's folded search key; `undefined` until the first load. */
  index: UserSearchEntry[] | undefined;
  listError: PortalErrorData | undefined;
  /** The user the detail screen shows, as the cache has it now (`null`: not found, or `deleted` here). */
  detail: { id: string; user: User | null; error?: PortalErrorData; deleted?: { name: string; username: string } } | undefined;

  load(): Promise<void>;
  /**
   * The list asked for while the app starts, before the session is known (renderer/stores/first-screen-reads.ts):
   * a refusal (not signed in yet) shows nothing, and a `load` meanwhile waits for it instead of asking again.
   */
  prefetch(): void;
  /** Marks a prefetch in flight as read too early; resolves to whether it brought the list (then it needs a reload). */
  cacheChanged(): Promise<boolean>;
  loadUser(id: string): Promise<void>;
  /** Pulls the portal's latest changes first, for a reload after a stale-version conflict. */
  reloadFromPortal(id: string): Promise<void>;
  /** Users who already have this e-mail address (any letter case), from the cache. */
  withEmail(email: string): Promise<Result<User[]>>;
  create(input: NewUserInput): Promise<Result<User>>;
  update(id: string, version: number, changes: UserChanges): Promise<Result<User>>;
  sendOneTimePassword(id: string): Promise<Result<OneTimePasswordReceipt>>;
  regenerateTotp(id: string): Promise<Result<User>>;
  saveQrCode(id: string): Promise<Result<{ path: string } | null>>;
  deactivate(id: string, version: number): Promise<Result<User>>;
  reactivate(id: string, version: number): Promise<Result<User>>;
  /** Deletes the user; the detail screen then says so instead of "not found". */
  remove(user: User): Promise<Result<null>>;
}

export const useUserStore = create<UserState>()((set, get) => {
  /** The prefetch in flight (resolves to whether it brought the list), and whether the cache changed since it was asked for. */
  let prefetching: { done: Promise<boolean>; stale: boolean } | undefined;
  const readList = async (): Promise<Result<readonly UserSummary[]>> => {
    markStep('users.list.asked');
    const result = await window.portal.users.list();
    markStep('users.list.answered');
    return result;
  };
  const showList = (users: readonly UserSummary[]): void => {
    const index = buildUserSearchIndex(users);
    markStep('users.index.built');
    set({ index, listError: undefined });
    foldWhenIdle(index);
  };
  /** A command's answer shows at once; the cache.changed reload that follows confirms it. */
  const adopt = (user: User): void => {
    const { index, detail } = get();
    const next = index && buildUserSearchIndex([...index.map((entry) => entry.user).filter((u) => u.id !== user.id), userSummary(user)]);
    set({ ...(next ? { index: next } : {}), ...(detail?.id === user.id ? { detail: { id: user.id, user } } : {}) });
    if (next) foldWhenIdle(next);
  };
  const adoptResult = <T extends User>(result: Result<T>): Result<T> => {
    if (result.ok) adopt(result.value);
    return result;
  };

  return {
    index: undefined,
    listError: undefined,
    detail: undefined,

    async load() {
      const pending = prefetching;
      if (pending && (await pending.done) && !pending.stale) return;
      const result = await readList();
      if (result.ok) showList(result.value);
      else set({ listError: result.error });
    },
    prefetch() {
      if (prefetching || get().index) return;
      const pending = {
        stale: false,
        done: readList().then((result) => {
          if (result.ok) showList(result.value);
          if (prefetching === pending) prefetching = undefined;
          return result.ok;
        }),
      };
      prefetching = pending;
    },
    cacheChanged() {
      if (prefetching) prefetching.stale = true;
      return prefetching?.done ?? Promise.resolve(false);
    },
    async loadUser(id) {
      const result = await window.portal.users.get({ id });
      const previous = get().detail;
      const deleted = previous?.id === id ? previous.deleted : undefined;
      set({
        detail: result.ok
          ? { id, user: result.value, ...(deleted && { deleted }) }
          : { id, user: previous?.user ?? null, error: result.error },
      });
    },
    async reloadFromPortal(id) {
      await window.portal.sync.now();
      await get().loadUser(id);
    },
    async withEmail(email) {
      return window.portal.users.withEmail({ email });
    },
    async create(input) {
      return adoptResult(await window.portal.users.create(input));
    },
    async update(id, version, changes) {
      return adoptResult(await window.portal.users.update({ id, version, changes }));
    },
    async sendOneTimePassword(id) {
      return window.portal.users.sendOneTimePassword({ id });
    },
    async regenerateTotp(id) {
      return adoptResult(await window.portal.users.regenerateTotp({ id }));
    },
    async saveQrCode(id) {
      return window.portal.users.saveQrCode({ id });
    },
    async deactivate(id, version) {
      return adoptResult(await window.portal.users.deactivate({ id, version }));
    },
    async reactivate(id, version) {
      return adoptResult(await window.portal.users.reactivate({ id, version }));
    },
    async remove(user) {
      const result = await window.portal.users.delete({ id: user.id, version: user.version });
      if (result.ok) {
        const { index, detail } = get();
        set({
          ...(index ? { index: index.filter((entry) => entry.user.id !== user.id) } : {}),
          ...(detail?.id === user.id ? { detail: { id: user.id, user: null, deleted: { name: `${user.firstName} ${user.lastName}`, username: user.username } } } : {}),
        });
      }
      return result;
    },
  };
});

onCacheChanged(async () => {
  const { index, detail, load, loadUser, cacheChanged } = useUserStore.getState();
  // A prefetch in flight may have read the cache before this change: once it has brought the list, read again.
  const reload = index !== undefined ? load() : cacheChanged().then((brought) => (brought ? load() : undefined));
  await Promise.all([reload, detail ? loadUser(detail.id) : undefined]);
});

/** The search keys, folded while the page has nothing else to do, so the first keystroke finds them ready. */
function foldWhenIdle(index: readonly UserSearchEntry[]): void {
  requestIdleCallback((deadline) => {
    if (useUserStore.getState().index === index && !foldSearchKeys(index, () => deadline.timeRemaining() > 1)) foldWhenIdle(index);
  });
}

export const selectUserIndex = (state: UserState): UserSearchEntry[] | undefined => state.index;
export const selectUserListError = (state: UserState): PortalErrorData | undefined => state.listError;
/** The shown user, only when it is the one asked for (not a previous screen's). */
export const selectUserDetail =
  (id: string) =>
  (state: UserState): UserState['detail'] =>
    state.detail?.id === id ? state.detail : undefined;
/**
 * Users who could be made portal administrators: not one already, and not deactivated (the portal
 * refuses the role to someone who cannot sign in). A plain function over the selected index (used in a
 * useMemo): a selector returning a fresh array would make zustand re-render endlessly.
 */
export function nonAdminUsers(index: readonly UserSearchEntry[] | undefined): UserSummary[] {
  return (index ?? [])
    .filter((entry) => !entry.user.roles.includes('portal-admin') && entry.user.status !== 'deactivated')
    .map((entry) => entry.user);
}
