import { checkReviewName } from '../../common/review/review-rules';
import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import type { ProblemField } from '../http/problem';
import type { Actor } from './actor';
import { writeAuditEvent } from './audit-log';
import { verifyReviewItems } from './access-review-grants';
import { accessReviewConflict, canonicalInstant, checkClientTime, throwIfInvalid } from './access-review-input';
import {
  findAccessReviewRow,
  listAccessReviewItems,
  toAccessReviewSummary,
  type AccessReviewItem,
  type AccessReviewRow,
  type AccessReviewSummary,
} from './access-review-repository';

export interface AccessReviewStart {
  /** Chosen by the client, which may have started the review offline: the idempotency key. */
  id: string;
  name: string;
  dueDate: string;
  startedAt: string;
  items: AccessReviewItem[];
}

interface CanonicalStart {
  name: string;
  dueDate: string;
  startedAt: string;
  items: AccessReviewItem[];
}

/**
 * Records a review campaign with its grant snapshots (created: true), or answers a replay of the same
 * id and content with the stored review (created: false) without recording anything. The same id with
 * other content is 409 ACCESS_REVIEW_CONFLICT. Every item must be a version of one of the caller's
 * grants as the portal recorded it (access-review-grants.ts), and startedAt may be neither ahead of
 * the portal's clock nor older than the grants it snapshots (access-review-input.ts).
 */
export function startAccessReview(db: Db, actor: Actor, input: AccessReviewStart, now: Date): { review: AccessReviewSummary; created: boolean } {
  const start = canonicalStart(input);
  return db.transaction(() => {
    const existing = findAccessReviewRow(db, actor.organisationId, input.id);
    if (existing) {
      if (!sameContent(start, storedStart(db, existing))) {
        throw accessReviewConflict('An access review with this id was started with other content', 'id');
      }
      return { review: toAccessReviewSummary(existing), created: false };
    }
    const errors: ProblemField[] = [];
    const newestGrant = verifyReviewItems(db, actor.organisationId, start.items, errors);
    checkClientTime(start.startedAt, { now, notBefore: newestGrant, field: 'startedAt', code: { ahead: 'STARTED_AT_IN_FUTURE', behind: 'STARTED_AT_BEFORE_GRANTS' } }, errors);
    throwIfInvalid(errors);

    const { lastInsertRowid: reviewKey } = prepared(db,
      `INSERT INTO access_reviews (organisation_id, id, name, due_date, started_at, started_by, completed_at, item_count)
       VALUES (?, ?, ?, ?, ?, ?, NULL, ?)`,
    ).run(actor.organisationId, input.id, start.name, start.dueDate, start.startedAt, actor.username, start.items.length);
    const insertItem = prepared(db,
      `INSERT INTO access_review_items (review_key, position, grant_id, group_id, group_full_name, vendor_id, vendor_name, mode,
         granted_at, granted_by, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    start.items.forEach((item, position) => {
      insertItem.run(reviewKey, position, item.grantId, item.groupId, item.groupFullName, item.vendorId, item.vendorName, item.mode,
        item.grantedAt, item.grantedBy, item.expiresAt);
    });
    writeAuditEvent(db, {
      actor,
      action: 'access_review.started',
      objectType: 'access_review',
      objectId: input.id,
      before: null,
      after: { name: start.name, dueDate: start.dueDate, itemCount: start.items.length },
      // When the portal learnt of it; the client's own start time is the review's startedAt.
      at: now.toISOString(),
    });
    return { review: toAccessReviewSummary(findAccessReviewRow(db, actor.organisationId, input.id)!), created: true };
  })();
}

function canonicalStart(input: AccessReviewStart): CanonicalStart {
  const errors: ProblemField[] = [];
  const name = checkReviewName(input.name);
  if (!name.ok) errors.push({ field: 'name', code: name.code, message: name.message });
  const startedAt = canonicalInstant(input.startedAt, 'startedAt', errors);
  const seen = new Set<string>();
  const items = input.items.map((item, index) => {
    if (seen.has(item.grantId)) {
      errors.push({ field: `items.${index}.grantId`, code: 'GRANT_ID_DUPLICATE', message: 'This grant is already an item of the review' });
    }
    seen.add(item.grantId);
    return canonicalItem(item, `items.${index}`, errors);
  });
  throwIfInvalid(errors);
  return { name: name.ok ? name.value : '', dueDate: input.dueDate, startedAt, items };
}

/** A fixed key order, so two canonical items are equal exactly when their JSON is. */
function canonicalItem(item: AccessReviewItem, path: string, errors: ProblemField[]): AccessReviewItem {
  return {
    grantId: item.grantId,
    groupId: item.groupId,
    groupFullName: item.groupFullName,
    vendorId: item.vendorId,
    vendorName: item.vendorName,
    mode: item.mode,
    grantedAt: canonicalInstant(item.grantedAt, `${path}.grantedAt`, errors),
    grantedBy: item.grantedBy,
    expiresAt: item.expiresAt === null ? null : canonicalInstant(item.expiresAt, `${path}.expiresAt`, errors),
  };
}

function storedStart(db: Db, row: AccessReviewRow): CanonicalStart {
  return { name: row.name, dueDate: row.due_date, startedAt: row.started_at, items: listAccessReviewItems(db, row.review_key) };
}

/**
 * The items' order is not part of a review's identity: a client re-reading its offline queue may list
 * them differently, and that must not turn its retry into a conflict. The first request's order stays.
 */
function sameContent(a: CanonicalStart, b: CanonicalStart): boolean {
  const byGrant = (items: AccessReviewItem[]): AccessReviewItem[] => items.toSorted((x, y) => (x.grantId < y.grantId ? -1 : x.grantId > y.grantId ? 1 : 0));
  const identity = (start: CanonicalStart): string => JSON.stringify([start.name, start.dueDate, start.startedAt, byGrant(start.items)]);
  return identity(a) === identity(b);
}
