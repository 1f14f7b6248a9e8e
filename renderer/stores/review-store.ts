import { create } from 'zustand';
import type { UiLanguage } from '../../common/contract';
import type { Grant, MachineGroup } from '../../common/portal/portal-types';
import type { ReviewFilter } from '../../common/review/access-review-filter';
import type { PortalErrorData } from '../../common/result';
import { onCacheChanged } from './cache-reload';

interface ReviewState {
  grants: Grant[] | undefined;
  groups: MachineGroup[];
  error: PortalErrorData | undefined;
  exported: { path: string; rows: number } | undefined;
  load(): Promise<void>;
  /** Writes what the filter shows, through the campaign file's CSV (its columns, words and dialect). */
  exportCsv(filter: ReviewFilter, language: UiLanguage): Promise<void>;
}

/** Every grant of the organisation with its groups, from the offline cache: what the access review shows. */
export const useReviewStore = create<ReviewState>()((set) => ({
  grants: undefined,
  groups: [],
  error: undefined,
  exported: undefined,
  async load() {
    const [grants, groups] = await Promise.all([window.portal.grants.all(), window.portal.groups.list()]);
    if (!grants.ok) set({ error: grants.error });
    else if (!groups.ok) set({ error: groups.error });
    else set({ grants: grants.value, groups: groups.value, error: undefined });
  },
  async exportCsv(filter, language) {
    set({ exported: undefined, error: undefined });
    const result = await window.portal.reviews.exportAccessCsv({ filter, language });
    set(result.ok ? { exported: result.value ?? undefined } : { error: result.error });
  },
}));

onCacheChanged(async () => {
  if (useReviewStore.getState().grants !== undefined) await useReviewStore.getState().load();
});

export const selectReviewGrants = (state: ReviewState): Grant[] | undefined => state.grants;
export const selectReviewGroups = (state: ReviewState): MachineGroup[] => state.groups;
export const selectReviewError = (state: ReviewState): PortalErrorData | undefined => state.error;
export const selectReviewExported = (state: ReviewState): ReviewState['exported'] => state.exported;
