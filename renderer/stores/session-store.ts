import { create } from 'zustand';
import type { ProfileSummary, SessionStatus } from '../../common/contract';
import type { PortalErrorData } from '../../common/result';
import { markStep } from '../timing/step-marks';
import { useAppStore } from './app-store';

interface SessionState {
  status: SessionStatus | undefined;
  profiles: ProfileSummary[];
  error: PortalErrorData | undefined;
  load(): Promise<void>;
  signIn(): Promise<void>;
  cancelSignIn(): Promise<void>;
  signOut(): Promise<void>;
  /** Opens a profile; answers whether it did (on failure the error is in the store). */
  selectProfile(id: string): Promise<boolean>;
  /** "Prøv demo": main starts the demo portal (if needed) and opens its profile; answers the error if it could not. */
  startDemo(): Promise<PortalErrorData | undefined>;
  /** Adds a real portal profile; answers the error (with fields) if main refuses it. */
  saveProfile(input: { name: string; portalUrl: string; issuer: string; clientId: string }): Promise<PortalErrorData | undefined>;
}

export const useSessionStore = create<SessionState>()((set) => ({
  status: undefined,
  profiles: [],
  error: undefined,

  async load() {
    const [status, profiles] = await Promise.all([window.portal.session.status(), window.portal.profiles.list()]);
    markStep('session.known');
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
    return result.ok;
  },
  async startDemo() {
    const result = await window.portal.app.startDemo();
    if (!result.ok) return result.error;
    set({ status: result.value, error: undefined });
    // The demo profile is listed from now on, and the settings say the demo portal runs.
    const [profiles] = await Promise.all([window.portal.profiles.list(), useAppStore.getState().loadInfo()]);
    if (profiles.ok) set({ profiles: profiles.value.profiles });
    return undefined;
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
/** No portal is open yet (an installed copy's first start): the login screen shows the portal choice. */
export const selectNeedsPortalChoice = (state: SessionState): boolean => state.status !== undefined && state.status.profile === null;
