import { create } from 'zustand';
import type { GroupDevice } from '../../common/portal/portal-types';
import type { PortalErrorData } from '../../common/result';
import { sortByNames } from '../../common/sorting/name-collation';
import { onCacheChanged } from './cache-reload';

interface DeviceState {
  /** The machines the remote-support system has, per machine group id, as the cache has them. */
  byGroup: Record<string, GroupDevice[]>;
  loadError: PortalErrorData | undefined;
  load(groupId: string): Promise<void>;
}

const sorted = (devices: GroupDevice[]): GroupDevice[] => sortByNames(devices, (device) => [device.name]);

export const useDeviceStore = create<DeviceState>()((set, get) => ({
  byGroup: {},
  loadError: undefined,
  async load(groupId) {
    const result = await window.portal.groups.devices({ groupId });
    if (result.ok) set({ byGroup: { ...get().byGroup, [groupId]: sorted(result.value) }, loadError: undefined });
    else set({ loadError: result.error });
  },
}));

onCacheChanged(async () => {
  const groupIds = Object.keys(useDeviceStore.getState().byGroup);
  await Promise.all(groupIds.map((groupId) => useDeviceStore.getState().load(groupId)));
});

export const selectDevicesFor =
  (groupId: string) =>
  (state: DeviceState): GroupDevice[] | undefined =>
    state.byGroup[groupId];
export const selectDevicesLoadError = (state: DeviceState): PortalErrorData | undefined => state.loadError;
