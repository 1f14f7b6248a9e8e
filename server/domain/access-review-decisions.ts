import { checkJustification } from '../../common/review/review-rules';
import { normaliseFreeText } from '../../common/validation/free-text';
import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import { Problem, type ProblemField } from '../http/problem';
import type { Actor } from './actor';
import { writeAuditEvent } from './audit-log';
import { accessReviewConflict, canonicalInstant, checkClientTime, throwIfInvalid } from './access-review-input';
import {
  findAccessReviewItemMode,
  findDecisionRecord,
  requireAccessReviewRow,
  type AccessReviewDecisionKind,
  type AccessReviewDecisionRecord,
} from './access-review-repository';

export interface AccessReviewDecisionInput {
  /** Chosen by the client: the idempotency key of the record. */
  id: string;
  grantId: string;
  decision: AccessReviewDecisionKind;
  justification?: string | null | undefined;
  decidedAt: string;
}

export interface AccessReviewDecisionReceipt {
  recorded: number;
  alreadyRecorded: number;
}

type DecisionContent = Pick<AccessReviewDecisionRecord, 'grantId' | 'decision' | 'justification' | 'decidedAt'>;

/**
 * Records immutable decisions, all or none. A record id already stored with the same content is
 * skipped (a retry after a lost answer); with other content it is 409 ACCESS_REVIEW_CONFLICT. Keeping
 * access without approval must say why (the shared rule, on the item's mode as the portal verified it
 * at the start). decidedAt may be neither ahead of the portal's clock nor older than the review's
 * start (access-review-input.ts). Once the review is completed nothing new is recorded (409
 * ACCESS_REVIEW_COMPLETED), though a pure retry of records it already holds is still answered.
 */
export function recordAccessReviewDecisions(
  db: Db,
  actor: Actor,
  reviewId: string,
  decisions: AccessReviewDecisionInput[],
  now: Date,
): AccessReviewDecisionReceipt {
  return db.transaction(() => {
    const review = requireAccessReviewRow(db, actor.organisationId, reviewId);
    const errors: ProblemField[] = [];
    const fresh: Array<DecisionContent & { id: string }> = [];
    const inThisRequest = new Map<string, DecisionContent>();
    let alreadyRecorded = 0;

    decisions.forEach((input, index) => {
      const path = `decisions.${index}`;
      const content: DecisionContent = {
        grantId: input.grantId,
        decision: input.decision,
        // The stored form, to compare a retry with; whether it is allowed is checked below.
        justification: normaliseFreeText(input.justification ?? '') || null,
        decidedAt: canonicalInstant(input.decidedAt, `${path}.decidedAt`, errors),
      };
      const stored = inThisRequest.get(input.id) ?? findDecisionRecord(db, review.review_key, input.id);
      if (stored) {
        if (!sameContent(stored, content)) throw accessReviewConflict('A decision with this id was recorded with other content', `${path}.id`);
        alreadyRecorded += 1;
        return;
      }
      const mode = findAccessReviewItemMode(db, review.review_key, content.grantId);
      if (!mode) {
        errors.push({ field: `${path}.grantId`, code: 'GRANT_NOT_IN_REVIEW', message: 'Not one of the review\'s items' });
      } else {
        const justification = checkJustification(input.justification, mode, content.decision);
        if (!justification.ok) errors.push({ field: `${path}.justification`, code: justification.code, message: justification.message });
      }
      checkClientTime(content.decidedAt, {
        now,
        notBefore: review.started_at,
        field: `${path}.decidedAt`,
        code: { ahead: 'DECIDED_AT_IN_FUTURE', behind: 'DECIDED_AT_BEFORE_START' },
      }, errors);
      inThisRequest.set(input.id, content);
      fresh.push({ id: input.id, ...content });
    });
    if (fresh.length > 0 && review.completed_at !== null) {
      throw new Problem(409, 'ACCESS_REVIEW_COMPLETED', 'The access review is completed: it takes no more decisions');
    }
    throwIfInvalid(errors);

    const recordedAt = now.toISOString();
    const insert = prepared(db,
      `INSERT INTO access_review_decisions (review_key, id, grant_id, decision, justification, decided_at, decided_by, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const decision of fresh) {
      insert.run(review.review_key, decision.id, decision.grantId, decision.decision, decision.justification, decision.decidedAt, actor.username, recordedAt);
      writeAuditEvent(db, {
        actor,
        action: 'access_review.decided',
        objectType: 'grant',
        objectId: decision.grantId,
        before: null,
        after: { reviewId: review.id, reviewName: review.name, decision: decision.decision, justification: decision.justification, decidedAt: decision.decidedAt },
        at: recordedAt,
      });
    }
    return { recorded: fresh.length, alreadyRecorded };
  })();
}

function sameContent(a: DecisionContent, b: DecisionContent): boolean {
  return a.grantId === b.grantId && a.decision === b.decision && a.justification === b.justification && a.decidedAt === b.decidedAt;
}
