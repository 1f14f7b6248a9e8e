import type { AccessReview, AccessReviewSummary } from '../../common/portal/portal-types';
import type { PortalClient } from '../api/portal-client';
import type { ReviewRepository } from '../cache/review-repository';
import { PortalError } from '../ipc/portal-error';
import type { Logger } from '../log/logger';
import { CONNECTION_CODES } from './review-push';

export type ReviewPull = () => Promise<boolean>;

/**
 * Fetches the review records the portal holds and this cache lacks — campaigns started on another
 * computer or by another administrator, their decisions and completions — so "last reviewed" and
 * the campaign list are the organisation's, not only this machine's. The list is asked for with the
 * ETag of the last one merged (an unchanged list is a 304, every sync run), and only campaigns whose
 * summary differs from what the cache knows are fetched in full. Each call returns whether anything
 * was added.
 */
export function reviewPull(reviews: ReviewRepository, client: Pick<PortalClient, 'request'>, logger: Logger): ReviewPull {
  let merged: string | undefined;
  return async () => {
    const result = await fetchList(client, logger, merged);
    if (!result) return false;
    const changed = await mergeBehind(reviews, client, result.summaries);
    // Only now: a run cut off above asks for the whole list again next time.
    merged = result.etag;
    return changed;
  };
}

async function fetchList(
  client: Pick<PortalClient, 'request'>,
  logger: Logger,
  etag: string | undefined,
): Promise<{ summaries: AccessReviewSummary[]; etag: string | undefined } | undefined> {
  try {
    const response = await client.request<AccessReviewSummary[]>('GET', 'access-reviews', etag ? { ifNoneMatch: etag } : {});
    return response.status === 304 ? undefined : { summaries: response.data, etag: response.etag };
  } catch (error) {
    // Before the service is active there are no reviews to fetch; that must not fail the sync run.
    if (!(error instanceof PortalError) || CONNECTION_CODES.has(error.code)) throw error;
    if (error.code !== 'SERVICE_NOT_ACTIVE') logger.warn('review.pull_refused', { code: error.code, message: error.message });
    return undefined;
  }
}

async function mergeBehind(reviews: ReviewRepository, client: Pick<PortalClient, 'request'>, summaries: readonly AccessReviewSummary[]): Promise<boolean> {
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
