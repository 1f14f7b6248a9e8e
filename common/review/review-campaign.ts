import type { AccessReviewItem } from '../portal/portal-types';
import type { UsageEvidence } from './review-recommendation';

/**
 * A review campaign ("gjennomgang"): the administrator decides, for every grant that existed when it
 * started, whether the vendor keeps its access. Everything here is recorded locally first (offline is
 * the normal case) and pushed to the portal as immutable records when online.
 */
export type ReviewDecisionKind = 'keep' | 'remove';

/**
 * What the reviewer saw of one grant when the campaign started, so the report stays readable after
 * removals. Exactly the portal's record of it: the snapshot is pushed as it is stored.
 */
export type ReviewItem = AccessReviewItem;

/**
 * One decision as recorded. Records are never edited: changing one's mind adds a newer record, and the
 * newest per grant counts. The record id is the idempotency key of the push.
 */
export interface ReviewDecision {
  id: string;
  campaignId: string;
  grantId: string;
  decision: ReviewDecisionKind;
  /** Required when keeping access without approval; optional otherwise. */
  justification: string | null;
  decidedAt: string;
  decidedBy: string;
}

export interface ReviewCampaign {
  id: string;
  name: string;
  /** YYYY-MM-DD */
  dueDate: string;
  startedAt: string;
  startedBy: string;
  /** When the final, online step executed the removals and closed the campaign. */
  completedAt: string | null;
  itemCount: number;
  decidedCount: number;
  removeCount: number;
  /** Records (campaign, decisions, completion) not yet accepted by the portal. */
  unpushedCount: number;
  /** Why the portal refused the campaign's records the last time, if it did. */
  pushError: string | null;
  /** Changes whenever any item's decision or removal changes: a screen re-reads the items only then. */
  revision: string;
}

/** One grant of a campaign with its current decision and whether its removal was executed. */
export interface ReviewItemState extends ReviewItem {
  decision: ReviewDecision | null;
  removedAt: string | null;
}

export interface ReviewCampaignDetail {
  campaign: ReviewCampaign;
  items: ReviewItemState[];
}

/** The newest decision on a grant across every campaign: the review table's "last reviewed". */
export interface LastReview {
  grantId: string;
  decision: ReviewDecisionKind;
  decidedAt: string;
  campaignName: string;
}

/** Everything an auditor's report needs, built in main from the cache. */
export interface ReviewReport {
  organisationName: string;
  generatedAt: string;
  generatedBy: string;
  detail: ReviewCampaignDetail;
  /** The evidence of use per grant, for the report's per-vendor part. */
  usage: ReviewReportUsage;
}

/**
 * Each grant's use as the cache knows it when the report is made: the last session ever, and the sessions
 * that started in the period — the `days` days up to the report (the window the recommendations use).
 */
export interface ReviewReportUsage {
  days: number;
  /** Where the period starts (an instant); it ends at the report's `generatedAt`. */
  since: string;
  /** By grant id; a grant without an entry was never used (its sessions in the period are then 0). */
  byGrant: Readonly<Record<string, UsageEvidence>>;
}
