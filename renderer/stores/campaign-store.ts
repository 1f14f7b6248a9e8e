import { create } from 'zustand';
import { lastReviewIndex } from '../../common/review/access-review-filter';
import type { LastReview, ReviewCampaign, ReviewCampaignDetail, ReviewDecisionKind, ReviewItemState } from '../../common/review/review-campaign';
import type { PortalErrorData } from '../../common/result';
import { onCacheChanged } from './cache-reload';

type Exported = { kind: 'csv' | 'pdf'; path: string; rows: number };

interface CampaignState {
  campaigns: ReviewCampaign[] | undefined;
  lastReviews: ReadonlyMap<string, LastReview>;
  /** The open campaign, by id. */
  detail: ReviewCampaignDetail | undefined;
  error: PortalErrorData | undefined;
  startError: PortalErrorData | undefined;
  /** Per grant: why its last decision was refused (a missing justification). */
  decideErrors: ReadonlyMap<string, PortalErrorData>;
  completing: boolean;
  exported: Exported | undefined;
  load(): Promise<void>;
  open(id: string): Promise<void>;
  close(): void;
  start(name: string, dueDate: string): Promise<ReviewCampaign | undefined>;
  clearStartError(): void;
  decide(grantId: string, decision: ReviewDecisionKind, justification?: string): Promise<ReviewItemState | undefined>;
  /** The same decision for many grants; returns false (and sets `error`) when refused. */
  decideMany(grantIds: string[], decision: ReviewDecisionKind, justification?: string): Promise<boolean>;
  /** "Bruk anbefalingene" as confirmed: the undecided items' recommended decisions; what was recorded, or undefined (and `error`) when refused. */
  applyRecommendations(keep: string[], remove: string[], justification?: string): Promise<{ kept: number; removed: number } | undefined>;
  complete(): Promise<boolean>;
  exportReport(kind: Exported['kind'], language: 'nb' | 'en'): Promise<void>;
}

/**
 * Review campaigns, recorded in main's cache first. Every decision is one call that returns when the
 * record is on disk; the push to the portal happens in main's sync, and `unpushedCount` shows what waits.
 */
export const useCampaignStore = create<CampaignState>()((set, get) => ({
  campaigns: undefined,
  lastReviews: new Map(),
  detail: undefined,
  error: undefined,
  startError: undefined,
  decideErrors: new Map(),
  completing: false,
  exported: undefined,
  async load() {
    const [campaigns, lastReviews] = await Promise.all([window.portal.reviews.list(), window.portal.reviews.lastReviewed()]);
    if (!campaigns.ok) set({ error: campaigns.error });
    else if (!lastReviews.ok) set({ error: lastReviews.error });
    else set({ campaigns: campaigns.value, lastReviews: lastReviewIndex(lastReviews.value), error: undefined });
  },
  async open(id) {
    if (get().detail?.campaign.id !== id) set({ detail: undefined, decideErrors: new Map(), exported: undefined });
    const result = await window.portal.reviews.get({ id });
    if (!result.ok) set({ error: result.error });
    else set({ detail: result.value ?? undefined, error: result.value ? undefined : { code: 'NOT_FOUND', message: 'No such review' } });
  },
  close() {
    set({ detail: undefined, decideErrors: new Map(), exported: undefined, error: undefined });
  },
  async start(name, dueDate) {
    set({ startError: undefined });
    const result = await window.portal.reviews.start({ name, dueDate });
    if (!result.ok) {
      set({ startError: result.error });
      return undefined;
    }
    return result.value;
  },
  clearStartError() {
    set({ startError: undefined });
  },
  async decide(grantId, decision, justification) {
    const detail = get().detail;
    if (!detail) return undefined;
    const input = justification === undefined ? { campaignId: detail.campaign.id, grantId, decision } : { campaignId: detail.campaign.id, grantId, decision, justification };
    decisionsInFlight++;
    const result = await window.portal.reviews.decide(input).finally(() => decisionsInFlight--);
    const decideErrors = new Map(get().decideErrors);
    if (!result.ok) {
      decideErrors.set(grantId, result.error);
      set({ decideErrors });
      return undefined;
    }
    decideErrors.delete(grantId);
    // The saved decision and the new counts at once; the cache.changed that follows then finds nothing newer to read.
    const { item: saved, campaign } = result.value;
    const current = get().detail;
    if (current?.campaign.id === detail.campaign.id) {
      set({ detail: { campaign, items: current.items.map((item) => (item.grantId === grantId ? saved : item)) }, decideErrors });
    }
    return saved;
  },
  async decideMany(grantIds, decision, justification) {
    const detail = get().detail;
    if (!detail || grantIds.length === 0) return false;
    const base = { campaignId: detail.campaign.id, grantIds, decision };
    const result = await window.portal.reviews.decideMany(justification === undefined ? base : { ...base, justification });
    set({ error: result.ok ? undefined : result.error });
    // The cache.changed that follows a recorded decision re-reads the campaign.
    return result.ok;
  },
  async applyRecommendations(keep, remove, justification) {
    const detail = get().detail;
    if (!detail) return undefined;
    const base = { campaignId: detail.campaign.id, keep, remove };
    const result = await window.portal.reviews.applyRecommendations(justification === undefined ? base : { ...base, justification });
    set({ error: result.ok ? undefined : result.error });
    // The cache.changed that follows re-reads the campaign.
    return result.ok ? result.value : undefined;
  },
  async complete() {
    const detail = get().detail;
    if (!detail) return false;
    set({ completing: true, error: undefined });
    const result = await window.portal.reviews.complete({ id: detail.campaign.id });
    set(result.ok ? { completing: false, detail: result.value } : { completing: false, error: result.error });
    return result.ok;
  },
  async exportReport(kind, language) {
    const detail = get().detail;
    if (!detail) return;
    set({ exported: undefined, error: undefined });
    const call = kind === 'csv' ? window.portal.reviews.exportCsv : window.portal.reviews.exportPdf;
    const result = await call({ id: detail.campaign.id, language });
    set(result.ok ? { exported: result.value ? { kind, ...result.value } : undefined } : { error: result.error });
  },
}));

onCacheChanged(async () => {
  const state = useCampaignStore.getState();
  if (state.campaigns !== undefined) await state.load();
  if (state.detail !== undefined) await refreshOpenCampaign(state.detail.campaign.id);
});

/**
 * Decisions sent and not yet answered. Main announces `cache.changed` before the answer arrives; the
 * answer carries the new state, so while one is on its way there is no reason to re-read every item.
 */
let decisionsInFlight = 0;

/** Counts always; the items (maybe 10 000) only when a decision or removal changed since they were read. */
async function refreshOpenCampaign(id: string): Promise<void> {
  const list = await window.portal.reviews.list();
  const summary = list.ok ? list.value.find((campaign) => campaign.id === id) : undefined;
  const { detail, open } = useCampaignStore.getState();
  if (!detail || detail.campaign.id !== id || decisionsInFlight > 0) return;
  if (!summary || summary.revision !== detail.campaign.revision) await open(id);
  else useCampaignStore.setState({ detail: { ...detail, campaign: summary } });
}

export const selectCampaigns = (state: CampaignState): ReviewCampaign[] | undefined => state.campaigns;
export const selectLastReviews = (state: CampaignState): ReadonlyMap<string, LastReview> => state.lastReviews;
export const selectCampaignDetail = (state: CampaignState): ReviewCampaignDetail | undefined => state.detail;
export const selectCampaignError = (state: CampaignState): PortalErrorData | undefined => state.error;
export const selectStartError = (state: CampaignState): PortalErrorData | undefined => state.startError;
export const selectDecideErrors = (state: CampaignState): ReadonlyMap<string, PortalErrorData> => state.decideErrors;
export const selectCompleting = (state: CampaignState): boolean => state.completing;
export const selectCampaignExported = (state: CampaignState): Exported | undefined => state.exported;
