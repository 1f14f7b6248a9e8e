import { create } from 'zustand';
import type { SessionFilter, UiLanguage } from '../../common/contract';
import type { PortalErrorData } from '../../common/result';
import type { SessionFacets, SessionList } from '../../common/sessions/remote-session-list';
import { onCacheChanged } from './cache-reload';

type Saved = { path: string; rows: number; format: 'csv' | 'pdf' };

interface RemoteSessionState {
  /** What the screen's filter asks for; kept here so it survives leaving the screen and coming back. */
  filter: SessionFilter;
  /** The newest sessions the filter lets through, with how many it lets through in all. */
  list: SessionList | undefined;
  facets: SessionFacets | undefined;
  error: PortalErrorData | undefined;
  exported: Saved | undefined;
  /** Reads the sessions for `filter` (and the choices, the first time) from the cache. */
  load(filter?: SessionFilter): Promise<void>;
  exportFile(format: 'csv' | 'pdf', language: UiLanguage): Promise<void>;
}

/** Answers arrive in any order; only the newest question's answer is shown. */
let asked = 0;

/** "Fjernhjelpsøkter": the sessions on the organisation's machines, from the offline cache. */
export const useRemoteSessionStore = create<RemoteSessionState>()((set, get) => ({
  filter: {},
  list: undefined,
  facets: undefined,
  error: undefined,
  exported: undefined,
  async load(filter = get().filter) {
    const question = ++asked;
    set({ filter });
    const [list, facets] = await Promise.all([
      window.portal.sessions.list({ filter }),
      get().facets ? Promise.resolve(undefined) : window.portal.sessions.facets(),
    ]);
    if (question !== asked) return;
    if (!list.ok) return set({ error: list.error });
    if (facets && !facets.ok) return set({ error: facets.error });
    set({ list: list.value, ...(facets ? { facets: facets.value } : {}), error: undefined });
  },
  async exportFile(format, language) {
    set({ exported: undefined, error: undefined });
    const { filter } = get();
    const result = format === 'csv' ? await window.portal.sessions.exportCsv({ filter, language }) : await window.portal.sessions.exportPdf({ filter, language });
    set(result.ok ? { exported: result.value ? { ...result.value, format } : undefined } : { error: result.error });
  },
}));

onCacheChanged(async () => {
  if (useRemoteSessionStore.getState().list === undefined) return;
  // New sessions may bring new vendors, groups or users to choose from.
  useRemoteSessionStore.setState({ facets: undefined });
  await useRemoteSessionStore.getState().load();
});

export const selectSessionFilter = (state: RemoteSessionState): SessionFilter => state.filter;
export const selectSessionList = (state: RemoteSessionState): SessionList | undefined => state.list;
export const selectSessionFacets = (state: RemoteSessionState): SessionFacets | undefined => state.facets;
export const selectSessionError = (state: RemoteSessionState): PortalErrorData | undefined => state.error;
export const selectSessionExported = (state: RemoteSessionState): Saved | undefined => state.exported;
