import { create } from 'zustand';
import type { ChannelInput } from '../../common/contract';
import type { Grant } from '../../common/portal/portal-types';
import type { PortalErrorData } from '../../common/result';
import { onCacheChanged } from './cache-reload';
import { sortByNames } from '../../common/sorting/name-collation';

export type GrantInput = ChannelInput<'grants.put'>;

interface GrantState {
  /** Vendors with access, per machine group id, as the cache has them. */
  byGroup: Record<string, Grant[]>;
  loadError: PortalErrorData | undefined;
  /** Grant ids (`groupId:vendorId`) with a command on its way, so their controls can wait. */
  busy: Record<string, true>;
  commandError: PortalErrorData | undefined;
  load(groupId: string): Promise<void>;
  /** Gives access or changes it (mode, expiry): the portal replaces the whole grant. */
  put(input: GrantInput): Promise<Grant | undefined>;
  remove(groupId: string, vendorId: string): Promise<boolean>;
  clearCommandError(): void;
}

const grantId = (groupId: string, vendorId: string): string => `${groupId}:${vendorId}`;
const sorted = (grants: Grant[]): Grant[] => sortByNames(grants, (grant) => [grant.vendor.name]);

export const useGrantStore = create<GrantState>()((set, get) => {
  const setBusy = (id: string, on: boolean): void => {
    const busy = { ...get().busy };
    if (on) busy[id] = true;
    else delete busy[id];
    set({ busy });
  };
  return {
    byGroup: {},
    loadError: undefined,
    busy: {},
    commandError: undefined,
    async load(groupId) {
      const result = await window.portal.grants.list({ groupId });
      if (result.ok) set({ byGroup: { ...get().byGroup, [groupId]: sorted(result.value) }, loadError: undefined });
      else set({ loadError: result.error });
    },
    async put(input) {
      const id = grantId(input.groupId, input.vendorId);
      set({ commandError: undefined });
      setBusy(id, true);
      const result = await window.portal.grants.put(input);
      setBusy(id, false);
      if (!result.ok) {
        set({ commandError: result.error });
        return undefined;
      }
      const others = (get().byGroup[input.groupId] ?? []).filter((grant) => grant.id !== result.value.id);
      set({ byGroup: { ...get().byGroup, [input.groupId]: sorted([...others, result.value]) } });
      return result.value;
    },
    async remove(groupId, vendorId) {
      const id = grantId(groupId, vendorId);
      set({ commandError: undefined });
      setBusy(id, true);
      const result = await window.portal.grants.remove({ groupId, vendorId });
      setBusy(id, false);
      if (!result.ok) {
        set({ commandError: result.error });
        return false;
      }
      const remaining = (get().byGroup[groupId] ?? []).filter((grant) => grant.id !== id);
      set({ byGroup: { ...get().byGroup, [groupId]: remaining } });
      return true;
    },
    clearCommandError() {
      set({ commandError: undefined });
    },
  };
});

onCacheChanged(async () => {
  const groupIds = Object.keys(useGrantStore.getState().byGroup);
  await Promise.all(groupIds.map((groupId) => useGrantStore.getState().load(groupId)));
});

export const selectGrantsFor =
  (groupId: string) =>
  (state: GrantState): Grant[] | undefined =>
    state.byGroup[groupId];
export const selectGrantsLoadError = (state: GrantState): PortalErrorData | undefined => state.loadError;
export const selectGrantCommandError = (state: GrantState): PortalErrorData | undefined => state.commandError;
export const selectGrantBusy =
  (groupId: string, vendorId: string) =>
  (state: GrantState): boolean =>
    state.busy[grantId(groupId, vendorId)] === true;
