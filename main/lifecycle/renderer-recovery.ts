/** Electron's `render-process-gone` reasons (RenderProcessGoneDetails['reason']). */
export type RendererGoneReason =
  | 'clean-exit'
  | 'abnormal-exit'
  | 'killed'
  | 'crashed'
  | 'oom'
  | 'launch-failed'
  | 'integrity-failure'
  | 'memory-eviction';

/** What to do about a renderer that went away: reload it at once, ask the user, or nothing. */
export type RecoveryAction = 'reload' | 'ask' | 'none';

/** A second crash within this long of a reload is a crash loop: the user decides, not a timer. */
export const CRASH_LOOP_WINDOW_MS = 60_000;

/**
 * A crashed renderer leaves a blank window: reload it once by itself (the data is all in main, so
 * nothing is lost), and ask before reloading again if it keeps crashing. `integrity-failure` means
 * the app's code was changed on disk; reloading would load the same code, so the user is asked.
 */
export function createRendererRecovery(windowMs = CRASH_LOOP_WINDOW_MS): (reason: RendererGoneReason, at: number) => RecoveryAction {
  let lastReloadAt: number | undefined;
  return (reason, at) => {
    if (reason === 'clean-exit') return 'none';
    if (reason === 'integrity-failure') return 'ask';
    if (lastReloadAt !== undefined && at - lastReloadAt < windowMs) return 'ask';
    lastReloadAt = at;
    return 'reload';
  };
}
