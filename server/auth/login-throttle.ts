import type { Db } from '../db/database';

/** How long to hold back the answer to the Nth failed sign-in in a row for one username. */
export type LoginFailureDelay = (failures: number) => number;

/** 0.5 s, 1 s, 2 s, 4 s, … doubling per failure and capped at 30 s. */
export const defaultLoginFailureDelay: LoginFailureDelay = (failures) =>
  failures <= 0 ? 0 : Math.min(500 * 2 ** (failures - 1), 30_000);

export interface LoginThrottle {
  /** Milliseconds until this username may try again (> 0 only while an earlier failure's delay runs). */
  waitRemainingMs(username: string): number;
  /** Counts a failure and returns the delay to hold back the answer for. */
  recordFailure(username: string): number;
  failures(username: string): number;
  reset(username: string): void;
}

/**
 * Failed sign-ins per username (known or not, so the throttle does not reveal which usernames exist),
 * kept in `login_failures` so a restart does not reset them. The answer to a failure is delayed, and a
 * parallel attempt inside that delay is refused unchecked, so guessing speed is bounded per username.
 */
export function createLoginThrottle(db: Db, now: () => Date, delay: LoginFailureDelay): LoginThrottle {
  const select = db.prepare('SELECT count, last_failed_at FROM login_failures WHERE username = ?');
  const upsert = db.prepare(
    `INSERT INTO login_failures (username, count, last_failed_at) VALUES (?, 1, ?)
     ON CONFLICT (username) DO UPDATE SET count = count + 1, last_failed_at = excluded.last_failed_at
     RETURNING count`,
  ).pluck();
  const remove = db.prepare('DELETE FROM login_failures WHERE username = ?');
  const key = (username: string): string => username.trim().toLowerCase();

  return {
    waitRemainingMs(username) {
      const row = select.get(key(username)) as { count: number; last_failed_at: string } | undefined;
      if (!row) return 0;
      const until = Date.parse(row.last_failed_at) + delay(row.count);
      return Math.max(0, until - now().getTime());
    },
    recordFailure(username) {
      return delay(upsert.get(key(username), now().toISOString()) as number);
    },
    failures(username) {
      const row = select.get(key(username)) as { count: number } | undefined;
      return row?.count ?? 0;
    },
    reset(username) {
      remove.run(key(username));
    },
  };
}
