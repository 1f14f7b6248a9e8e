import type { Logger } from '../log/logger';

/** How long quitting waits for the core to close before the app exits anyway. */
export const CLOSE_TIME_LIMIT_MS = 5_000;

export interface QuitGuardOptions {
  /** Closes what must not be cut off: sync in flight, the cache, the demo portal. */
  close: () => Promise<void>;
  /** Ends the process once closing is done (Electron: app.quit, which runs before-quit again). */
  quit: () => void;
  logger: Logger;
  timeLimitMs?: number;
}

export interface QuitGuard {
  /** For `before-quit`: the first one is held until closing is done, later ones while closing are held too. */
  beforeQuit(event: { preventDefault(): void }): void;
  /** Closes (once, within the time limit) without quitting: for a session end, where the OS ends the process. */
  closeNow(reason: string): Promise<void>;
  readonly state: 'running' | 'closing' | 'closed';
}

/**
 * Electron does not wait for promises in `before-quit`: a handler that only starts `core.close()`
 * lets the process exit with the cache and the demo portal half-closed. This holds the first quit,
 * awaits the close with a time limit (a hung close must not keep the app from quitting), then quits
 * for real; the second `before-quit` passes.
 */
export function createQuitGuard({ close, quit, logger, timeLimitMs = CLOSE_TIME_LIMIT_MS }: QuitGuardOptions): QuitGuard {
  let state: QuitGuard['state'] = 'running';
  let closing: Promise<void> | undefined;

  const closeOnce = (reason: string): Promise<void> => {
    closing ??= (async () => {
      state = 'closing';
      const started = Date.now();
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        close().then(
          () => 'closed' as const,
          (error: unknown) => {
            logger.error('app.close-failed', { reason, error: error instanceof Error ? error.message : String(error) });
            return 'failed' as const;
          },
        ),
        new Promise<'timed-out'>((resolve) => {
          timer = setTimeout(() => resolve('timed-out'), timeLimitMs);
        }),
      ]);
      clearTimeout(timer);
      if (outcome === 'timed-out') logger.warn('app.close-timed-out', { reason, timeLimitMs });
      else logger.info('app.closed', { reason, outcome, ms: Date.now() - started });
      state = 'closed';
    })();
    return closing;
  };

  return {
    get state() {
      return state;
    },
    beforeQuit(event) {
      if (state === 'closed') return;
      event.preventDefault();
      if (state === 'closing') return;
      void closeOnce('quit').then(quit);
    },
    closeNow: closeOnce,
  };
}
