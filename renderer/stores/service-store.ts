import { create } from 'zustand';
import type { RemoteSupportService } from '../../common/portal/portal-types';
import type { PortalErrorData } from '../../common/result';
import { onCacheChanged } from './cache-reload';

interface ServiceState {
  service: RemoteSupportService | null | undefined;
  error: PortalErrorData | undefined;
  activating: boolean;
  load(): Promise<void>;
  /** Activates with the terms version the user saw and accepted. */
  activate(termsVersion: string): Promise<boolean>;
}

export const useServiceStore = create<ServiceState>()((set) => ({
  service: undefined,
  error: undefined,
  activating: false,
  async load() {
    const result = await window.portal.service.get();
    set(result.ok ? { service: result.value } : { error: result.error });
  },
  async activate(termsVersion) {
    set({ activating: true, error: undefined });
    const result = await window.portal.service.activate({ acceptTerms: true, termsVersion });
    set(result.ok ? { service: result.value, activating: false } : { error: result.error, activating: false });
    return result.ok;
  },
}));

onCacheChanged(async () => {
  if (useServiceStore.getState().service !== undefined) await useServiceStore.getState().load();
});

export const selectService = (state: ServiceState): RemoteSupportService | null | undefined => state.service;
export const selectServiceError = (state: ServiceState): PortalErrorData | undefined => state.error;
export const selectServiceActive = (state: ServiceState): boolean => state.service?.status === 'active';
