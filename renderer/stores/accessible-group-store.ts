import { create } from 'zustand';
import type { AccessibleGroup } from '../../common/portal/portal-types';
import type { PortalErrorData } from '../../common/result';
import { onCacheChanged } from './cache-reload';
import { sortByNames } from '../../common/sorting/name-collation';

interface AccessibleGroupState {
  /** Other organisations' machine groups this organisation may reach as a vendor; undefined until read. */
  groups: AccessibleGroup[] | undefined;
  error: PortalErrorData | undefined;
  /** The owner organisation id to show, or '' for all. */
  ownerFilter: string;
  load(): Promise<void>;
  setOwnerFilter(ownerId: string): void;
}

const sorted = (groups: AccessibleGroup[]): AccessibleGroup[] => sortByNames(groups, (group) => [group.owner.name, group.name]);

export const useAccessibleGroupStore = create<AccessibleGroupState>()((set) => ({
  groups: undefined,
  error: undefined,
  ownerFilter: '',
  async load() {
    const result = await window.portal.accessibleGroups.list();
    set(result.ok ? { groups: sorted(result.value), error: undefined } : { error: result.error });
  },
  setOwnerFilter(ownerFilter) {
    set({ ownerFilter });
  },
}));

onCacheChanged(async () => {
  if (useAccessibleGroupStore.getState().groups !== undefined) await useAccessibleGroupStore.getState().load();
});

export const selectAccessibleGroups = (state: AccessibleGroupState): AccessibleGroup[] | undefined => state.groups;
export const selectAccessibleGroupsError = (state: AccessibleGroupState): PortalErrorData | undefined => state.error;
export const selectOwnerFilter = (state: AccessibleGroupState): string => state.ownerFilter;
