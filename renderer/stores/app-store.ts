import { create } from 'zustand';
import type { ChannelOutput } from '../../common/contract';
import type { PortalErrorData } from '../../common/result';

export type AppInfo = ChannelOutput<'app.info'>;

export type PingState =
  | { status: 'idle' }
  | { status: 'waiting' }
  | { status: 'ok'; roundTripMs: number }
  | { status: 'timeout' }
  | { status: 'error'; error: PortalErrorData };

interface AppState {
  info: AppInfo | undefined;
  infoError: PortalErrorData | undefined;
  ping: PingState;
  loadInfo(): Promise<void>;
  testConnection(): Promise<void>;
}

/** How long the connection test waits for main's `app.pong` event before it says so. */
export const PING_TIMEOUT_MS = 5000;

export const useAppStore = create<AppState>()((set) => ({
  info: undefined,
  infoError: undefined,
  ping: { status: 'idle' },

  async loadInfo() {
    const result = await window.portal.app.info();
    set(result.ok ? { info: result.value, infoError: undefined } : { infoError: result.error });
  },

  async testConnection() {
    const nonce = crypto.randomUUID();
    const started = performance.now();
    set({ ping: { status: 'waiting' } });
    let unsubscribe = (): void => {};
    let timer: ReturnType<typeof setTimeout> | undefined;
    const pong = new Promise<boolean>((resolve) => {
      unsubscribe = window.portal.on('app.pong', (payload) => {
        if (payload.nonce === nonce) resolve(true);
      });
      timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
    });
    try {
      const result = await window.portal.app.ping({ nonce });
      if (!result.ok) {
        set({ ping: { status: 'error', error: result.error } });
        return;
      }
      const arrived = await pong;
      set({
        ping: arrived ? { status: 'ok', roundTripMs: Math.round(performance.now() - started) } : { status: 'timeout' },
      });
    } finally {
      unsubscribe();
      clearTimeout(timer);
    }
  },
}));

export const selectAppInfo = (state: AppState): AppInfo | undefined => state.info;
export const selectAppInfoError = (state: AppState): PortalErrorData | undefined => state.infoError;
/** Whether main's embedded demo portal is running (at start, or since the user picked "Prøv demo"). */
export const selectIsDemoRunning = (state: AppState): boolean => state.info?.demoRunning ?? false;
export const selectPing = (state: AppState): PingState => state.ping;
