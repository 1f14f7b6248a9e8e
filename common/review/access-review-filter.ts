import type { Grant, MachineGroup } from '../portal/portal-types';
import type { LastReview } from './review-campaign';
import { recommend, type Recommendation, type UsageWindow } from './review-recommendation';
import { byNames } from '../sorting/name-collation';

/** One row of the access review: a grant with its group's names. */
export interface ReviewRow {
  grant: Grant;
  groupName: string;
  groupFullName: string;
  /** Expires within the "soon" window. */
  expiringSoon: boolean;
  /** Without approval and with no end date: the vendor can connect unattended, for ever. */
  unattendedForever: boolean;
  /** The newest decision on this grant since it was granted in its current mode; `undefined`: never reviewed. */
  lastReview: LastReview | undefined;
  /** Keep or remove by its use, with the evidence; `undefined` until the usage has been read. */
  recommendation: Recommendation | undefined;
}

export interface ReviewFilter {
  groupId?: string | undefined;
  vendorId?: string | undefined;
  mode?: Grant['mode'] | undefined;
  /** Only grants that expire within this many days. */
  expiringWithinDays?: number | undefined;
  neverReviewed?: boolean | undefined;
}

export const EXPIRING_SOON_DAYS = 14;
const DAY_MS = 86_400_000;

export function reviewRows(
  grants: readonly Grant[],
  groups: readonly MachineGroup[],
  now: number,
  lastReviews: ReadonlyMap<string, LastReview> = new Map(),
  usage?: UsageWindow,
): ReviewRow[] {
  const byId = new Map(groups.map((group) => [group.id, group]));
  return grants
    .map((grant) => {
      const group = byId.get(grant.groupId);
      const expiresIn = grant.expiresAt ? Date.parse(grant.expiresAt) - now : undefined;
      // A review of an earlier grant to the same vendor and group says nothing about this one, nor
      // does one made before its mode last changed: keeping access with approval is not keeping it without.
      const review = lastReviews.get(grant.id);
      const lastReview = review && Date.parse(review.decidedAt) >= Date.parse(grant.modeChangedAt ?? grant.grantedAt) ? review : undefined;
      return {
        grant,
        groupName: group?.name ?? grant.groupId,
        groupFullName: group?.fullName ?? grant.groupId,
        expiringSoon: expiresIn !== undefined && expiresIn <= EXPIRING_SOON_DAYS * DAY_MS,
        unattendedForever: grant.mode === 'without_approval' && !grant.expiresAt,
        lastReview,
        recommendation: usage && recommend(usage.byGrant.get(grant.id), usage.at, usage.days),
      };
    })
    .sort(byNames((row) => [row.groupName, row.grant.vendor.name]));
}

/**
 * The newest decision per grant, from the cache's list (oldest first): the one index both the screen and
 * its CSV export read "last reviewed" from.
 */
export function lastReviewIndex(entries: readonly LastReview[]): Map<string, LastReview> {
  return new Map(entries.map((entry) => [entry.grantId, entry]));
}

export function filterReviewRows(rows: readonly ReviewRow[], filter: ReviewFilter, now: number): ReviewRow[] {
  const horizon = filter.expiringWithinDays === undefined ? undefined : now + filter.expiringWithinDays * DAY_MS;
  return rows.filter(
    (row) =>
      (!filter.groupId || row.grant.groupId === filter.groupId) &&
      (!filter.vendorId || row.grant.vendor.id === filter.vendorId) &&
      (!filter.mode || row.grant.mode === filter.mode) &&
      (horizon === undefined || (row.grant.expiresAt !== null && Date.parse(row.grant.expiresAt) <= horizon)) &&
      (!filter.neverReviewed || row.lastReview === undefined),
  );
}
