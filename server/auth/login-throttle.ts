import type { Db } from '../db/database';

/** How long to hold back the answer to the Nth failed sign-in in a row for one username. */
export type LoginFailureDelay = (failures: number) => number;

/** 0.5 s, 1 s, 2 s, 4 s, … doubling per failure and capped at 30 s. */
export const defaultLoginFailureDelay: LoginFailureDelay = (failures) =>
  failures <= 0 ? 0 : Math.min(500 * 2 ** (failures - 1), 30_000);

export type AttemptReservation = { ok: true; attempt: LoginAttempt } | { ok: false; waitMs: number };

/** One reserved sign-in step for a username; settle it exactly once. */
export interface LoginAttempt {
  /** The check failed: it stays counted. Returns the delay to hold back the answer for. */
  failed(): number;
  /** A step passed but the sign-in is not complete: the attempt is taken back, earlier failures stay counted. */
  passed(): void;
  /** The sign-in is complete: the username's count is cleared. */
  signedIn(): void;
}

export interface LoginThrottle {
  /**
   * Reserves this username's next attempt before anything is checked, or refuses it (with the time left)
   * while the delay of the last failure or reservation runs.
   */
  begin(username: string): AttemptReservation;
}

interface Row {
  count: number;
  last_failed_at: string;
}

/**
 * Failed sign-ins per username (known or not, so the throttle does not reveal which usernames exist),
 * kept in `login_failures` so a restart does not reset them.
 *
 * An attempt is counted as a failure from the moment it is reserved, in one IMMEDIATE transaction that
 * also checks the delay, and is taken back only when its check passes. So parallel requests cannot all
 * pass the check before the first failure is written: of attempts that arrive together (in this process
 * or another on the same file) one is checked and the rest are refused unchecked until its delay has run.
 * A request that dies during its check leaves its attempt counted.
 */
export function createLoginThrottle(db: Db, now: () => Date, delay: LoginFailureDelay): LoginThrottle {
  const select = db.prepare('SELECT count, last_failed_at FROM login_failures WHERE username = ?');
  const reserve = db.prepare(
    `INSERT INTO login_failures (username, count, last_failed_at) VALUES (?, 1, ?)
     ON CONFLICT (username) DO UPDATE SET count = count + 1, last_failed_at = excluded.last_failed_at`,
  );
  const markFailed = db
    .prepare(
      `INSERT INTO login_failures (username, count, last_failed_at) VALUES (?, 1, ?)
       ON CONFLICT (username) DO UPDATE SET last_failed_at = excluded.last_failed_at
       RETURNING count`,
    )
    .pluck();
  const update = db.prepare('UPDATE login_failures SET count = ?, last_failed_at = ? WHERE username = ?');
  const remove = db.prepare('DELETE FROM login_failures WHERE username = ?');
  const key = (username: string): string => username.trim().toLowerCase();

  const begin = db.transaction((username: string): AttemptReservation => {
    const before = select.get(username) as Row | undefined;
    const at = now();
    const waitMs = before ? Date.parse(before.last_failed_at) + delay(before.count) - at.getTime() : 0;
    if (waitMs > 0) return { ok: false, waitMs };
    const reservedAt = at.toISOString();
    reserve.run(username, reservedAt);
    return { ok: true, attempt: attempt(username, before, reservedAt) };
  });

  // Undo this attempt's count; its time stands only if a later reservation has not replaced it.
  const takeBack = db.transaction((username: string, before: Row | undefined, reservedAt: string): void => {
    const current = select.get(username) as Row | undefined;
    if (!current) return;
    if (current.count <= 1) {
      remove.run(username);
      return;
    }
    const last = current.last_failed_at === reservedAt && before ? before.last_failed_at : current.last_failed_at;
    update.run(current.count - 1, last, username);
  });

  function attempt(username: string, before: Row | undefined, reservedAt: string): LoginAttempt {
    let settled = false;
    const settle = (): void => {
      if (settled) throw new Error('a sign-in attempt is settled once');
      settled = true;
    };
    return {
      failed() {
        settle();
        // The delay counts from the answer, as the user sees it.
        return delay(markFailed.get(username, now().toISOString()) as number);
      },
      passed() {
        settle();
        takeBack.immediate(username, before, reservedAt);
      },
      signedIn() {
        settle();
        remove.run(username);
      },
    };
  }

  return {
    begin: (username) => begin.immediate(key(username)),
  };
}
