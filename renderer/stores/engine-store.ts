import { create } from 'zustand';
import type { CachedEngineStatus } from '../../common/contract';
import type { EngineFinding } from '../../common/portal/portal-types';
import type { PortalErrorData } from '../../common/result';
import { onCacheChanged } from './cache-reload';

interface EngineState {
  /** What the portal drives, as the cache last heard it: undefined until read, null before the first sync. */
  status: CachedEngineStatus | null | undefined;
  /** Access found in the remote-support system that was not given through the portal, newest first. */
  findings: EngineFinding[] | undefined;
  loadError: PortalErrorData | undefined;
  /** Finding ids with a removal on its way. */
  removing: Record<string, true>;
  removeError: PortalErrorData | undefined;
  loadStatus(): Promise<void>;
  loadFindings(): Promise<void>;
  /** "Fjern tilgangen": true when the remote-support system removed it (the cache no longer has it either). */
  removeFinding(id: string): Promise<boolean>;
  clearRemoveError(): void;
}

export const useEngineStore = create<EngineState>()((set, get) => ({
  status: undefined,
  findings: undefined,
  loadError: undefined,
  removing: {},
  removeError: undefined,
  async loadStatus() {
    const result = await window.portal.engine.status();
    if (result.ok) set({ status: result.value });
  },
  async loadFindings() {
    const result = await window.portal.engine.findings();
    set(result.ok ? { findings: result.value, loadError: undefined } : { loadError: result.error });
  },
  async removeFinding(id) {
    set({ removeError: undefined, removing: { ...get().removing, [id]: true } });
    const result = await window.portal.engine.removeFinding({ id });
    const { [id]: _done, ...removing } = get().removing;
    if (!result.ok) {
      set({ removing, removeError: result.error });
      return false;
    }
    const findings = get().findings;
    set({ removing, ...(findings && { findings: findings.filter((finding) => finding.id !== id) }) });
    return true;
  },
  clearRemoveError() {
    set({ removeError: undefined });
  },
}));

// The status is always re-read: the status bar shows it on every screen, and a sync stores a new one.
onCacheChanged(async () => {
  const state = useEngineStore.getState();
  await Promise.all([state.loadStatus(), state.findings !== undefined ? state.loadFindings() : undefined]);
});

export const selectEngineStatus = (state: EngineState): CachedEngineStatus | null | undefined => state.status;
/**
 * Whether access given in the app is only simulated. Unknown (before the first sync) counts as not known to
 * be real: nothing is labelled either way until the portal has said.
 */
export const selectIsSimulated = (state: EngineState): boolean => state.status?.status.simulated === true;
export const selectFindings = (state: EngineState): EngineFinding[] | undefined => state.findings;
export const selectFindingsLoadError = (state: EngineState): PortalErrorData | undefined => state.loadError;
export const selectFindingRemoveError = (state: EngineState): PortalErrorData | undefined => state.removeError;
export const selectFindingRemoving =
  (id: string) =>
  (state: EngineState): boolean =>
    state.removing[id] === true;
