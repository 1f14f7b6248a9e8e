import type { ReviewSettings } from '../../common/review/review-settings';
import type { GrantUsage, GrantUsageReport } from '../../common/sessions/remote-session-list';
import type { CacheDb } from './cache-database';
import { OUTSIDE_WORKING_HOURS_SQL, workingPeriodTable } from './working-period-table';

const DAY_MS = 86_400_000;

/**
 * Every cached grant with the evidence of its use, in one statement: for each (group, vendor) pair, the
 * newest session ever, the sessions that started within the window, and whether a session without
 * approval ("notNeeded": nobody at the machine was asked) in the window lay outside working hours. Each
 * of the three is a range of `remote_sessions_by_grant` (group_id, vendor_id, started_at), so the cost
 * grows with the grants and the sessions in the window, not with the whole log.
 */
export const GRANT_USAGE_SQL = `
  SELECT g.id AS grantId, g.group_id AS groupId, g.vendor_id AS vendorId,
    (SELECT MAX(s.started_at) FROM remote_sessions s WHERE s.group_id = g.group_id AND s.vendor_id = g.vendor_id) AS lastUsedAt,
    (SELECT COUNT(*) FROM remote_sessions s
      WHERE s.group_id = g.group_id AND s.vendor_id = g.vendor_id AND s.started_at >= @since) AS sessionsInWindow,
    EXISTS (SELECT 1 FROM remote_sessions s
      WHERE s.group_id = g.group_id AND s.vendor_id = g.vendor_id AND s.started_at >= @since AND s.consent = 'notNeeded'
        AND ${OUTSIDE_WORKING_HOURS_SQL('s')}) AS usedOutsideHours
  FROM grants g
  ORDER BY g.id`;

/**
 * The usage of every grant over the `settings.recommendationDays` days up to `now` (the window the
 * recommendations judge by), with working hours from the same settings, on Oslo's clock.
 */
export function grantUsage(db: CacheDb, settings: ReviewSettings, now: Date): GrantUsageReport {
  const since = new Date(now.getTime() - settings.recommendationDays * DAY_MS);
  workingPeriodTable(db).cover(settings, since, now);
  const rows = db.prepare(GRANT_USAGE_SQL).all({ since: since.toISOString(), now: now.toISOString() }) as Array<Omit<GrantUsage, 'usedOutsideHours'> & { usedOutsideHours: number }>;
  return {
    windowDays: settings.recommendationDays,
    windowStart: since.toISOString(),
    generatedAt: now.toISOString(),
    usage: rows.map((row) => ({ ...row, usedOutsideHours: row.usedOutsideHours === 1 })),
  };
}
