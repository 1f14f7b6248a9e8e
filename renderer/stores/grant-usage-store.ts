import { create } from 'zustand';
import type { PortalErrorData } from '../../common/result';
import type { GrantUsage, GrantUsageReport } from '../../common/sessions/remote-session-list';
import { onCacheChanged } from './cache-reload';

interface GrantUsageState {
  report: GrantUsageReport | undefined;
  /** The report's usage by grant id, built once per report. */
  byGrant: ReadonlyMap<string, GrantUsage>;
  error: PortalErrorData | undefined;
  load(): Promise<void>;
}

const NONE: ReadonlyMap<string, GrantUsage> = new Map();

/** The evidence of use of every grant ("Sist brukt", sessions in the window, used outside working hours), from the cache. */
export const useGrantUsageStore = create<GrantUsageState>()((set) => ({
  report: undefined,
  byGrant: NONE,
  error: undefined,
  async load() {
    const result = await window.portal.grants.usage();
    if (result.ok) set({ report: result.value, byGrant: new Map(result.value.usage.map((usage) => [usage.grantId, usage])), error: undefined });
    else set({ error: result.error });
  },
}));

// New sessions, new grants, or new working hours or window: the usage is derived from all of them.
onCacheChanged(async () => {
  if (useGrantUsageStore.getState().report !== undefined) await useGrantUsageStore.getState().load();
});

export const selectGrantUsageByGrant = (state: GrantUsageState): ReadonlyMap<string, GrantUsage> => state.byGrant;
/** How many days "Økter siste N dager" counts; undefined until the report has been read. */
export const selectGrantUsageWindowDays = (state: GrantUsageState): number | undefined => state.report?.windowDays;
export const selectGrantUsageError = (state: GrantUsageState): PortalErrorData | undefined => state.error;
/** The whole report: its moment and window are what recommendations judge by (common/review/review-recommendation.ts). */
export const selectGrantUsageReport = (state: GrantUsageState): GrantUsageReport | undefined => state.report;
