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
  renaming: boolean;
  renameError: PortalErrorData | undefined;
  /** "Gi nytt navn" with the version the screen shows (If-Match); the renamed group, or undefined with `renameError`. */
  rename(id: string, version: number, name: string): Promise<MachineGroup | undefined>;
  clearRenameError(): void;
  deleting: boolean;
  deleteError: PortalErrorData | undefined;
  /** "Slett gruppen"; true when the portal deleted it (the cache no longer has it either). */
  remove(id: string, version: number): Promise<boolean>;
  clearDeleteError(): void;
}

// Sorted once per read, not in a selector: selectors must return stable references.
const sorted = (groups: MachineGroup[]): MachineGroup[] => sortByNames(groups, (group) => [group.name]);

export const useGroupStore = create<GroupState>()((set, get) => ({
  groups: undefined,
  loadError: undefined,
  creating: false,
  createError: undefined,
  renaming: false,
  renameError: undefined,
  deleting: false,
  deleteError: undefined,
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
  async rename(id, version, name) {
    set({ renaming: true, renameError: undefined });
    const result = await window.portal.groups.rename({ id, version, name });
    if (!result.ok) {
      set({ renaming: false, renameError: result.error });
      return undefined;
    }
    const groups = get().groups;
    set({ renaming: false, ...(groups && { groups: sorted(groups.map((group) => (group.id === id ? result.value : group))) }) });
    return result.value;
  },
  clearRenameError() {
    set({ renameError: undefined });
  },
  async remove(id, version) {
    set({ deleting: true, deleteError: undefined });
    const result = await window.portal.groups.delete({ id, version });
    if (!result.ok) {
      set({ deleting: false, deleteError: result.error });
      return false;
    }
    const groups = get().groups;
    set({ deleting: false, ...(groups && { groups: groups.filter((group) => group.id !== id) }) });
    return true;
  },
  clearDeleteError() {
    set({ deleteError: undefined });
  },
}));

onCacheChanged(async () => {
  if (useGroupStore.getState().groups !== undefined) await useGroupStore.getState().load();
});

export const selectGroups = (state: GroupState): MachineGroup[] | undefined => state.groups;
export const selectGroupsLoadError = (state: GroupState): PortalErrorData | undefined => state.loadError;
export const selectGroupCreating = (state: GroupState): boolean => state.creating;
export const selectGroupCreateError = (state: GroupState): PortalErrorData | undefined => state.createError;
export const selectGroupRenaming = (state: GroupState): boolean => state.renaming;
export const selectGroupRenameError = (state: GroupState): PortalErrorData | undefined => state.renameError;
export const selectGroupDeleting = (state: GroupState): boolean => state.deleting;
export const selectGroupDeleteError = (state: GroupState): PortalErrorData | undefined => state.deleteError;
/** One group by id: undefined while the list is unread, null when the list has no such group. */
export const selectGroupById =
  (id: string) =>
  (state: GroupState): MachineGroup | null | undefined =>
    state.groups === undefined ? undefined : (state.groups.find((group) => group.id === id) ?? null);
