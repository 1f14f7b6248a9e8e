/**
 * The time and the timers of main's own schedules (campaign reminders): the system's in the app and the
 * harness, a hand-moved one in tests, so a test steps to the exact moment instead of sleeping.
 */
export interface Clock {
  now(): Date;
  /** Runs `run` once after `delayMs`; the returned function cancels it. */
  setTimer(delayMs: number, run: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => new Date(),
  setTimer(delayMs, run) {
    const timer = setTimeout(run, delayMs);
    // A pending reminder must not keep a closing process (or a test run) alive.
    timer.unref?.();
    return () => clearTimeout(timer);
  },
};
