import { create } from 'zustand';
import type { ProfileSummary, SessionStatus } from '../../common/contract';
import type { PortalErrorData } from '../../common/result';

interface SessionState {
  status: SessionStatus | undefined;
  profiles: ProfileSummary[];
  error: PortalErrorData | undefined;
  load(): Promise<void>;
  signIn(): Promise<void>;
  cancelSignIn(): Promise<void>;
  signOut(): Promise<void>;
  selectProfile(id: string): Promise<void>;
  /** Adds a real portal profile; answers the error (with fields) if main refuses it. */
  saveProfile(input: { name: string; portalUrl: string; issuer: string; clientId: string }): Promise<PortalErrorData | undefined>;
}

export const useSessionStore = create<SessionState>()((set) => ({
  status: undefined,
  profiles: [],
  error: undefined,

  async load() {
    const [status, profiles] = await Promise.all([window.portal.session.status(), window.portal.profiles.list()]);
    set({
      ...(status.ok ? { status: status.value } : { error: status.error }),
      ...(profiles.ok ? { profiles: profiles.value.profiles } : {}),
    });
  },
  async signIn() {
    set({ error: undefined });
    const result = await window.portal.session.signIn();
    set(result.ok ? { status: result.value } : { error: result.error });
  },
  async cancelSignIn() {
    await window.portal.session.cancelSignIn();
  },
  async signOut() {
    const result = await window.portal.session.signOut();
    set(result.ok ? { status: result.value, error: undefined } : { error: result.error });
  },
  async saveProfile(input) {
    const result = await window.portal.profiles.save(input);
    if (!result.ok) return result.error;
    const profiles = await window.portal.profiles.list();
    if (profiles.ok) set({ profiles: profiles.value.profiles });
    return undefined;
  },
  async selectProfile(id) {
    const result = await window.portal.profiles.select({ id });
    set(result.ok ? { status: result.value, error: undefined } : { error: result.error });
  },
}));

/** Main pushes every session change (sign-in finished in the browser, expiry, sign-out). */
export function followSessionEvents(): () => void {
  return window.portal.on('session.changed', (status) => useSessionStore.setState({ status }));
}

export const selectSessionStatus = (state: SessionState): SessionStatus | undefined => state.status;
export const selectSessionState = (state: SessionState): SessionStatus['state'] | undefined => state.status?.state;
export const selectAccount = (state: SessionState): SessionStatus['account'] | undefined => state.status?.account;
export const selectSessionError = (state: SessionState): PortalErrorData | undefined => state.error;
export const selectProfiles = (state: SessionState): ProfileSummary[] => state.profiles;
