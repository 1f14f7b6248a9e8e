import type { Clock } from '../time/clock';

/** A clock a test moves by hand: timers fire, in order, as it passes their time; never on their own. */
export class ManualClock implements Clock {
  #now: number;
  #timers: Array<{ at: number; run: () => void; id: number }> = [];
  #nextId = 0;

  constructor(start: string | Date) {
    this.#now = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.#now);
  }

  setTimer(delayMs: number, run: () => void): () => void {
    const id = this.#nextId++;
    this.#timers.push({ at: this.#now + Math.max(0, delayMs), run, id });
    return () => {
      this.#timers = this.#timers.filter((timer) => timer.id !== id);
    };
  }

  /** How many timers wait (a schedule that forgot to cancel its last one shows here). */
  get pendingTimers(): number {
    return this.#timers.length;
  }

  /** Moves to `to`, running each timer due on the way at its own time. */
  advanceTo(to: string | Date): void {
    const target = new Date(to).getTime();
    if (target < this.#now) throw new Error('A manual clock does not go back');
    for (;;) {
      const due = this.#timers.filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.#timers = this.#timers.filter((timer) => timer.id !== due.id);
      this.#now = due.at;
      due.run();
    }
    this.#now = target;
  }
}
