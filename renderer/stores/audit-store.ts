import { create } from 'zustand';
import type { AuditFilter } from '../../common/audit/audit-filter';
import type { UiLanguage } from '../../common/contract';
import type { AuditEvent } from '../../common/portal/portal-types';
import type { PortalErrorData } from '../../common/result';
import { onCacheChanged } from './cache-reload';

interface AuditState {
  events: AuditEvent[] | undefined;
  error: PortalErrorData | undefined;
  exported: { path: string; rows: number } | undefined;
  load(): Promise<void>;
  /** Writes what the filter shows, in the words and the CSV dialect of the UI language. */
  exportCsv(filter: AuditFilter, language: UiLanguage): Promise<void>;
}

/** The organisation's audit events from the offline cache (newest first); they arrive with sync. */
export const useAuditStore = create<AuditState>()((set) => ({
  events: undefined,
  error: undefined,
  exported: undefined,
  async load() {
    const result = await window.portal.audit.list({ limit: 100_000 });
    set(result.ok ? { events: result.value } : { error: result.error });
  },
  async exportCsv(filter, language) {
    set({ exported: undefined, error: undefined });
    const result = await window.portal.audit.exportCsv({ filter, language });
    set(result.ok ? { exported: result.value ?? undefined } : { error: result.error });
  },
}));

onCacheChanged(async () => {
  if (useAuditStore.getState().events !== undefined) await useAuditStore.getState().load();
});

export const selectAuditEvents = (state: AuditState): AuditEvent[] | undefined => state.events;
export const selectAuditError = (state: AuditState): PortalErrorData | undefined => state.error;
export const selectAuditExported = (state: AuditState): AuditState['exported'] => state.exported;
