import { create } from 'zustand';
import type { MachineGroup } from '../../common/portal/portal-types';
import type { PortalErrorData } from '../../common/result';
import { onCacheChanged } from './cache-reload';
import { sortByNames } from '../../common/sorting/name-collation';

interface GroupState {
  /** The organisation's machine groups from the cache, sorted by name; undefined until first read. */
  groups: MachineGroup[] | undefined;
  loadError: PortalErrorData | undefined;
  creating: boolean;
  createError: PortalErrorData | undefined;
  load(): Promise<void>;
  /** Sends the name to the portal; the new group (pending sync) or undefined with `createError` set. */
  create(name: string): Promise<MachineGroup | undefined>;
  clearCreateError(): void;
}

// Sorted once per read, not in a selector: selectors must return stable references.
const sorted = (groups: MachineGroup[]): MachineGroup[] => sortByNames(groups, (group) => [group.name]);

export const useGroupStore = create<GroupState>()((set) => ({
  groups: undefined,
  loadError: undefined,
  creating: false,
  createError: undefined,
  async load() {
    const result = await window.portal.groups.list();
    set(result.ok ? { groups: sorted(result.value), loadError: undefined } : { loadError: result.error });
  },
  async create(name) {
    set({ creating: true, createError: undefined });
    const result = await window.portal.groups.create({ name });
    if (!result.ok) {
      set({ creating: false, createError: result.error });
      return undefined;
    }
    // The list is not touched here: the form would see the new name as taken before it closes.
    // The screen re-reads after closing it, and cache.changed re-reads anyway.
    set({ creating: false });
    return result.value;
  },
  clearCreateError() {
    set({ createError: undefined });
  },
}));

onCacheChanged(async () => {
  if (useGroupStore.getState().groups !== undefined) await useGroupStore.getState().load();
});

export const selectGroups = (state: GroupState): MachineGroup[] | undefined => state.groups;
export const selectGroupsLoadError = (state: GroupState): PortalErrorData | undefined => state.loadError;
export const selectGroupCreating = (state: GroupState): boolean => state.creating;
export const selectGroupCreateError = (state: GroupState): PortalErrorData | undefined => state.createError;
/** One group by id: undefined while the list is unread, null when the list has no such group. */
export const selectGroupById =
  (id: string) =>
  (state: GroupState): MachineGroup | null | undefined =>
    state.groups === undefined ? undefined : (state.groups.find((group) => group.id === id) ?? null);
