import { create } from 'zustand';
import type { SyncStatus } from '../../common/contract';

interface SyncState {
  status: SyncStatus | undefined;
  load(): Promise<void>;
  syncNow(): Promise<void>;
}

export const useSyncStore = create<SyncState>()((set) => ({
  status: undefined,
  async load() {
    const result = await window.portal.sync.status();
    if (result.ok) set({ status: result.value });
  },
  async syncNow() {
    const result = await window.portal.sync.now();
    if (result.ok) set({ status: result.value });
  },
}));

export function followSyncEvents(): () => void {
  return window.portal.on('sync.status', (status) => useSyncStore.setState({ status }));
}

export const selectSyncStatus = (state: SyncState): SyncStatus | undefined => state.status;
/** Commands need the portal: offline (or not yet known to be online) they are disabled with the reason. */
export const selectIsOffline = (state: SyncState): boolean => state.status?.activity === 'offline';
