import type { ReviewSettings } from '../../common/review/review-settings';
import { workingPeriods } from '../../common/sessions/working-periods';
import type { CacheDb } from './cache-database';

/**
 * SQLite knows no time zones, so "outside working hours in Oslo" cannot be asked of a session's times
 * directly. Instead the organisation's working hours over the span in question are written, as instants,
 * to a temporary table of this connection (never to the cache file), and a session is within working
 * hours when one working period holds it whole: the newest period starting at or before the session's
 * start (one index seek) ends at or after the session's end (now, while it is open).
 */
export const OUTSIDE_WORKING_HOURS_SQL = (session: string): string => `COALESCE((
    SELECT w.end_at FROM temp.working_periods w WHERE w.start_at <= ${session}.started_at ORDER BY w.start_at DESC LIMIT 1
  ) >= COALESCE(${session}.ended_at, @now), 0) = 0`;

export interface WorkingPeriodTable {
  /** Makes the table hold the working hours of every Oslo day from `from` to `to` (unchanged if it already does). */
  cover(settings: ReviewSettings, from: Date, to: Date): void;
}

const tables = new WeakMap<CacheDb, WorkingPeriodTable>();

/** One per connection: the statements that read the table are prepared against it, so it exists first. */
export function workingPeriodTable(db: CacheDb): WorkingPeriodTable {
  const existing = tables.get(db);
  if (existing) return existing;
  db.exec('CREATE TEMP TABLE IF NOT EXISTS working_periods (start_at TEXT PRIMARY KEY, end_at TEXT NOT NULL) STRICT, WITHOUT ROWID');
  const clear = db.prepare('DELETE FROM temp.working_periods');
  const insert = db.prepare('INSERT INTO temp.working_periods (start_at, end_at) VALUES (?, ?)');
  let covered: string | undefined;
  const table: WorkingPeriodTable = {
    cover(settings, from, to) {
      const periods = workingPeriods(settings, from, to);
      // The same hours over the same days: what the table holds already answers.
      const key = JSON.stringify([settings.workdayStart, settings.workdayEnd, settings.workdays, periods[0]?.start, periods.at(-1)?.start, periods.length]);
      if (key === covered) return;
      db.transaction(() => {
        clear.run();
        for (const period of periods) insert.run(period.start, period.end);
      })();
      covered = key;
    },
  };
  tables.set(db, table);
  return table;
}
