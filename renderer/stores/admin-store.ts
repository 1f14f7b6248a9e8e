import { create } from 'zustand';
import type { User } from '../../common/portal/portal-types';
import type { PortalErrorData, Result } from '../../common/result';
import { onCacheChanged } from './cache-reload';
import { byNames } from '../../common/sorting/name-collation';

interface AdminState {
  admins: User[] | undefined;
  error: PortalErrorData | undefined;
  load(): Promise<void>;
  delegate(userId: string): Promise<Result<User>>;
  revoke(userId: string): Promise<Result<null>>;
}

const byName = byNames((user: User) => [user.lastName, user.firstName, user.username]);

export const useAdminStore = create<AdminState>()((set, get) => ({
  admins: undefined,
  error: undefined,
  async load() {
    const result = await window.portal.admins.list();
    set(result.ok ? { admins: [...result.value].sort(byName), error: undefined } : { error: result.error });
  },
  async delegate(userId) {
    const result = await window.portal.admins.delegate({ userId });
    if (result.ok) set({ admins: [...(get().admins ?? []).filter((admin) => admin.id !== userId), result.value].sort(byName) });
    return result;
  },
  async revoke(userId) {
    const result = await window.portal.admins.revoke({ userId });
    if (result.ok) set({ admins: get().admins?.filter((admin) => admin.id !== userId) });
    return result;
  },
}));

onCacheChanged(async () => {
  if (useAdminStore.getState().admins !== undefined) await useAdminStore.getState().load();
});

export const selectAdmins = (state: AdminState): User[] | undefined => state.admins;
export const selectAdminError = (state: AdminState): PortalErrorData | undefined => state.error;
/** The last-admin rule: with one administrator left, revoking is refused by the portal. */
export const selectIsLastAdmin = (state: AdminState): boolean => (state.admins?.length ?? 0) <= 1;
