import { create } from 'zustand';
import type { PortalErrorData } from '../../common/result';
import type { ReviewSettings, ReviewSettingsInput } from '../../common/review/review-settings';
import { onCacheChanged } from './cache-reload';

interface ReviewSettingsState {
  settings: ReviewSettings | undefined;
  error: PortalErrorData | undefined;
  load(): Promise<void>;
  /** Saves; answers the refusal (with its field issues) or undefined when saved. */
  save(input: ReviewSettingsInput): Promise<PortalErrorData | undefined>;
}

/** The organisation's working hours, recommendation window and reminder lead time for the open portal. */
export const useReviewSettingsStore = create<ReviewSettingsState>()((set) => ({
  settings: undefined,
  error: undefined,
  async load() {
    const result = await window.portal.reviewSettings.get();
    set(result.ok ? { settings: result.value, error: undefined } : { settings: undefined, error: result.error });
  },
  async save(input) {
    const result = await window.portal.reviewSettings.save(input);
    if (!result.ok) return result.error;
    set({ settings: result.value, error: undefined });
    return undefined;
  },
}));

onCacheChanged(async () => {
  if (useReviewSettingsStore.getState().settings !== undefined) await useReviewSettingsStore.getState().load();
});

export const selectReviewSettings = (state: ReviewSettingsState): ReviewSettings | undefined => state.settings;
export const selectReviewSettingsError = (state: ReviewSettingsState): PortalErrorData | undefined => state.error;
