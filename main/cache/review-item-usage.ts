import type { ReviewItem, ReviewReportUsage } from '../../common/review/review-campaign';
import type { CacheDb } from './cache-database';

const DAY_MS = 86_400_000;

/**
 * The use of each of a campaign's grants over the `days` days up to `now`, by its group and vendor as the
 * campaign snapshot names them: the same last use and window count as grant-usage.ts gives the screen,
 * but not tied to the cached grants, since a grant the campaign removed has left the cache while its
 * sessions stay the evidence the report must show. Items never used have no entry.
 */
export function reviewItemUsage(db: CacheDb, items: ReadonlyArray<Pick<ReviewItem, 'grantId' | 'groupId' | 'vendorId'>>, days: number, now: Date): ReviewReportUsage {
  const since = new Date(now.getTime() - days * DAY_MS).toISOString();
  const read = db.prepare(
    `SELECT
       (SELECT MAX(s.started_at) FROM remote_sessions s WHERE s.group_id = @groupId AND s.vendor_id = @vendorId) AS lastUsedAt,
       (SELECT COUNT(*) FROM remote_sessions s WHERE s.group_id = @groupId AND s.vendor_id = @vendorId AND s.started_at >= @since) AS sessionsInWindow`,
  );
  const byGrant: Record<string, { lastUsedAt: string | null; sessionsInWindow: number }> = {};
  for (const { grantId, groupId, vendorId } of items) {
    const row = read.get({ groupId, vendorId, since }) as { lastUsedAt: string | null; sessionsInWindow: number };
    if (row.lastUsedAt !== null) byGrant[grantId] = row;
  }
  return { days, since, byGrant };
}
