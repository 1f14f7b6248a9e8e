/**
 * Unsaved edits are kept: a form with changes not saved yet holds the guard while it has them, and
 * anything that would take the user away from it (a menu item, Back, "Logg ut") goes through `attempt`.
 * Nothing held: it goes at once. Held: it waits for the user's answer, `confirm` (leave, the edits are
 * dropped) or `cancel` (stay, the edits are still there). One guard for every screen and form.
 */
export class LeaveGuard {
  readonly #holders = new Set<symbol>();
  readonly #listeners = new Set<() => void>();
  #pending: (() => void) | undefined;

  /** While the returned release is not called, leaving asks first. */
  hold(): () => void {
    const holder = Symbol('unsaved edits');
    this.#holders.add(holder);
    return () => {
      this.#holders.delete(holder);
    };
  }

  get holding(): boolean {
    return this.#holders.size > 0;
  }

  /** A leave waiting for the user's answer. */
  get pending(): boolean {
    return this.#pending !== undefined;
  }

  /** Runs `leave` now when no edits would be lost (and says true); otherwise keeps it (the latest one) for the answer. */
  attempt(leave: () => void): boolean {
    if (!this.holding) {
      leave();
      return true;
    }
    this.#pending = leave;
    this.#notify();
    return false;
  }

  /** The user chose to leave: the waiting leave runs, though the forms still hold (they go with it). */
  confirm(): void {
    const leave = this.#pending;
    this.#pending = undefined;
    this.#notify();
    leave?.();
  }

  /** The user chose to stay. */
  cancel(): void {
    if (!this.#pending) return;
    this.#pending = undefined;
    this.#notify();
  }

  /** Called when `pending` changes. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}
