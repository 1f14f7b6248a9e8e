import type { ReviewItemState } from '../../common/review/review-campaign';

export interface ReviewSummary {
  grants: number;
  kept: number;
  removed: number;
  notReviewed: number;
  /** Unattended access someone chose to keep: the number an auditor reads first. */
  keptWithoutApproval: number;
}

/** Counts the current decisions (a decided removal counts as removed before the final step executes it). */
export function summariseReview(items: readonly ReviewItemState[]): ReviewSummary {
  const summary: ReviewSummary = { grants: items.length, kept: 0, removed: 0, notReviewed: 0, keptWithoutApproval: 0 };
  for (const item of items) {
    if (!item.decision) summary.notReviewed += 1;
    else if (item.decision.decision === 'remove') summary.removed += 1;
    else {
      summary.kept += 1;
      if (item.mode === 'without_approval') summary.keptWithoutApproval += 1;
    }
  }
  return summary;
}
