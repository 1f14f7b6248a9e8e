import type { GrantUsage, GrantUsageReport } from '../sessions/remote-session-list';
import type { ReviewItemState } from './review-campaign';
import { justificationRequired } from './review-rules';

/**
 * What the cache knows of a grant's use (main/cache/grant-usage.ts), for one window of days: when the
 * newest session the vendor's users had on the group started (ever), and how many started within it.
 */
export type UsageEvidence = Pick<GrantUsage, 'lastUsedAt' | 'sessionsInWindow'>;

/**
 * The advice shown beside a grant and applied by "Bruk anbefalingene": keep access that was used within
 * the last `days` days, remove access that was not (or never). The evidence travels with it, so the
 * screen shows why.
 */
export interface Recommendation extends UsageEvidence {
  kind: 'keep' | 'remove';
  days: number;
}

const DAY_MS = 86_400_000;

/** The evidence of every grant over one window: judged at `at` (the usage report's time), over `days` days. */
export interface UsageWindow {
  byGrant: ReadonlyMap<string, UsageEvidence>;
  at: number;
  days: number;
}

/** The window a usage report was made for: recommendations judge by the same days and moment it counted over. */
export function usageWindow(report: Pick<GrantUsageReport, 'generatedAt' | 'windowDays'>, byGrant: ReadonlyMap<string, UsageEvidence>): UsageWindow {
  return { byGrant, at: Date.parse(report.generatedAt), days: report.windowDays };
}

/**
 * Used within the window when the last use is at most `days` whole days before `now` (a use exactly N
 * days ago still counts): the same inclusive window the session count is taken over. A last use a
 * moment ahead of this clock (a session open now, clocks a second apart) counts as used.
 */
export function recommend(usage: UsageEvidence | undefined, now: number, days: number): Recommendation {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`A recommendation window is a whole number of days, at least 1 (got ${days})`);
  const lastUsedAt = usage?.lastUsedAt ?? null;
  const sessionsInWindow = usage?.sessionsInWindow ?? 0;
  const used = lastUsedAt !== null && Date.parse(lastUsedAt) >= now - days * DAY_MS;
  return { kind: used ? 'keep' : 'remove', days, lastUsedAt, sessionsInWindow };
}

/** What applying the recommendations would decide: grant ids by decision, and how many keeps need a reason. */
export interface RecommendationPlan {
  keep: string[];
  remove: string[];
  /** Kept grants without approval: the rules ask why, once for all of them. */
  justificationRequired: number;
}

/**
 * Only items nobody has decided on (and not already removed): a reviewer's own decision always stands,
 * even where it goes against the advice. In the campaign's order.
 */
export function planRecommendations(items: readonly ReviewItemState[], usage: UsageWindow): RecommendationPlan {
  const plan: RecommendationPlan = { keep: [], remove: [], justificationRequired: 0 };
  for (const item of items) {
    if (item.decision || item.removedAt) continue;
    const { kind } = recommend(usage.byGrant.get(item.grantId), usage.at, usage.days);
    plan[kind].push(item.grantId);
    if (justificationRequired(item.mode, kind)) plan.justificationRequired += 1;
  }
  return plan;
}
