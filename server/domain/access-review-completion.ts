import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import type { ProblemField } from '../http/problem';
import type { Actor } from './actor';
import { writeAuditEvent } from './audit-log';
import { canonicalInstant, checkClientTime, throwIfInvalid } from './access-review-input';
import { requireAccessReviewRow, toAccessReviewSummary, type AccessReviewSummary } from './access-review-repository';

/**
 * Closes a review to further decisions. Idempotent: completing a completed review keeps the first
 * completedAt and records nothing, so a client may retry after a lost answer. A new completedAt may
 * be neither ahead of the portal's clock nor older than the review's start (access-review-input.ts).
 */
export function completeAccessReview(db: Db, actor: Actor, reviewId: string, completedAt: string, now: Date): AccessReviewSummary {
  const errors: ProblemField[] = [];
  const at = canonicalInstant(completedAt, 'completedAt', errors);
  throwIfInvalid(errors);
  return db.transaction(() => {
    const review = requireAccessReviewRow(db, actor.organisationId, reviewId);
    if (review.completed_at !== null) return toAccessReviewSummary(review);
    checkClientTime(at, { now, notBefore: review.started_at, field: 'completedAt', code: { ahead: 'COMPLETED_AT_IN_FUTURE', behind: 'COMPLETED_AT_BEFORE_START' } }, errors);
    throwIfInvalid(errors);
    prepared(db, 'UPDATE access_reviews SET completed_at = ? WHERE review_key = ?').run(at, review.review_key);
    writeAuditEvent(db, {
      actor,
      action: 'access_review.completed',
      objectType: 'access_review',
      objectId: review.id,
      before: null,
      after: { completedAt: at, decisionCount: review.decision_count },
      at: now.toISOString(),
    });
    return toAccessReviewSummary({ ...review, completed_at: at });
  })();
}
