import { create } from 'zustand';
import type { Vendor } from '../../common/portal/portal-types';
import type { PortalErrorData } from '../../common/result';

interface VendorState {
  /** The query the current `results` answer. */
  query: string;
  results: Vendor[];
  searching: boolean;
  error: PortalErrorData | undefined;
  /**
   * The portal's search online, the cached vendors offline; both ignore case and diacritics.
   * `excluded` vendors (already granted) are left out by the caller, so ask for that many more.
   */
  search(query: string, excluded?: number): Promise<void>;
}

/** Options to offer; the contract allows at most 100 per search. */
const SEARCH_LIMIT = 30;
const MAX_LIMIT = 100;

// Answers can overtake each other while the admin types: only the latest request may set results.
let latestRequest = 0;

export const useVendorStore = create<VendorState>()((set) => ({
  query: '',
  results: [],
  searching: false,
  error: undefined,
  async search(query, excluded = 0) {
    const request = ++latestRequest;
    set({ searching: true });
    const result = await window.portal.vendors.search({ query, limit: Math.min(MAX_LIMIT, SEARCH_LIMIT + excluded) });
    if (request !== latestRequest) return;
    set(result.ok ? { query, results: result.value, searching: false, error: undefined } : { query, results: [], searching: false, error: result.error });
  },
}));

export const selectVendorResults = (state: VendorState): Vendor[] => state.results;
export const selectVendorSearching = (state: VendorState): boolean => state.searching;
export const selectVendorSearchError = (state: VendorState): PortalErrorData | undefined => state.error;
