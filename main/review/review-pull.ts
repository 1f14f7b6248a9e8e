import type { AccessReview, AccessReviewSummary } from '../../common/portal/portal-types';
import type { PortalClient } from '../api/portal-client';
import type { ReviewRepository } from '../cache/review-repository';
import { PortalError } from '../ipc/portal-error';
import type { Logger } from '../log/logger';
import { CONNECTION_CODES } from './review-push';

/**
 * Fetches the review records the portal holds and this cache lacks — campaigns started on another
 * computer or by another administrator, their decisions and completions — so "last reviewed" and
 * the campaign list are the organisation's, not only this machine's. Only campaigns whose summary
 * differs from what the cache knows are fetched in full. Returns whether anything was added.
 */
export async function pullReviews(reviews: ReviewRepository, client: Pick<PortalClient, 'request'>, logger: Logger): Promise<boolean> {
  let summaries: AccessReviewSummary[];
  try {
    summaries = (await client.request<AccessReviewSummary[]>('GET', 'access-reviews')).data;
  } catch (error) {
    // Before the service is active there are no reviews to fetch; that must not fail the sync run.
    if (!(error instanceof PortalError) || CONNECTION_CODES.has(error.code)) throw error;
    if (error.code !== 'SERVICE_NOT_ACTIVE') logger.warn('review.pull_refused', { code: error.code, message: error.message });
    return false;
  }
  let changed = false;
  for (const summary of summaries) {
    const local = reviews.campaign(summary.id);
    const behind =
      !local || reviews.pushedDecisionCount(summary.id) < summary.decisionCount || (summary.completedAt !== null && local.completedAt === null);
    if (!behind) continue;
    const review = (await client.request<AccessReview>('GET', `access-reviews/${encodeURIComponent(summary.id)}`)).data;
    reviews.merge(
      { id: review.id, name: review.name, dueDate: review.dueDate, startedAt: review.startedAt, startedBy: review.startedBy, completedAt: review.completedAt },
      review.items,
      review.decisions.map((record) => ({
        id: record.id,
        campaignId: review.id,
        grantId: record.grantId,
        decision: record.decision,
        justification: record.justification,
        decidedAt: record.decidedAt,
        decidedBy: record.decidedBy,
      })),
    );
    changed = true;
  }
  return changed;
}
