import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import { notFound } from '../http/problem';
import type { GrantMode } from './grant-repository';

export type AccessReviewDecisionKind = 'keep' | 'remove';

/** What the reviewer saw of one grant when the review started: it stays readable after the grant is gone. */
export interface AccessReviewItem {
  grantId: string;
  groupId: string;
  groupFullName: string;
  vendorId: string;
  vendorName: string;
  mode: GrantMode;
  grantedAt: string;
  grantedBy: string;
  expiresAt: string | null;
}

export interface AccessReviewSummary {
  id: string;
  name: string;
  /** YYYY-MM-DD */
  dueDate: string;
  startedAt: string;
  startedBy: string;
  completedAt: string | null;
  itemCount: number;
  /** Stored decision records, not decided grants: a changed mind is a second record for the same grant. */
  decisionCount: number;
}

/** Immutable: changing one's mind adds a newer record; the newest per grant counts. */
export interface AccessReviewDecisionRecord {
  id: string;
  grantId: string;
  decision: AccessReviewDecisionKind;
  justification: string | null;
  decidedAt: string;
  decidedBy: string;
  recordedAt: string;
}

export interface AccessReview extends AccessReviewSummary {
  items: AccessReviewItem[];
  decisions: AccessReviewDecisionRecord[];
}

export interface AccessReviewRow {
  review_key: number;
  organisation_id: string;
  id: string;
  name: string;
  due_date: string;
  started_at: string;
  started_by: string;
  completed_at: string | null;
  item_count: number;
  decision_count: number;
}

interface ItemRow {
  grant_id: string;
  group_id: string;
  group_full_name: string;
  vendor_id: string;
  vendor_name: string;
  mode: GrantMode;
  granted_at: string;
  granted_by: string;
  expires_at: string | null;
}

interface DecisionRow {
  id: string;
  grant_id: string;
  decision: AccessReviewDecisionKind;
  justification: string | null;
  decided_at: string;
  decided_by: string;
  recorded_at: string;
}

const SELECT_REVIEW = `
  SELECT r.*, (SELECT COUNT(*) FROM access_review_decisions d WHERE d.review_key = r.review_key) AS decision_count
  FROM access_reviews r`;

export function toAccessReviewSummary(row: AccessReviewRow): AccessReviewSummary {
  return {
    id: row.id,
    name: row.name,
    dueDate: row.due_date,
    startedAt: row.started_at,
    startedBy: row.started_by,
    completedAt: row.completed_at,
    itemCount: row.item_count,
    decisionCount: row.decision_count,
  };
}

function toItem(row: ItemRow): AccessReviewItem {
  return {
    grantId: row.grant_id,
    groupId: row.group_id,
    groupFullName: row.group_full_name,
    vendorId: row.vendor_id,
    vendorName: row.vendor_name,
    mode: row.mode,
    grantedAt: row.granted_at,
    grantedBy: row.granted_by,
    expiresAt: row.expires_at,
  };
}

function toDecisionRecord(row: DecisionRow): AccessReviewDecisionRecord {
  return {
    id: row.id,
    grantId: row.grant_id,
    decision: row.decision,
    justification: row.justification,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    recordedAt: row.recorded_at,
  };
}

/** Another organisation's review is as absent as one that does not exist. */
export function findAccessReviewRow(db: Db, organisationId: string, id: string): AccessReviewRow | undefined {
  return prepared(db, `${SELECT_REVIEW} WHERE r.organisation_id = ? AND r.id = ?`).get(organisationId, id) as AccessReviewRow | undefined;
}

export function requireAccessReviewRow(db: Db, organisationId: string, id: string): AccessReviewRow {
  const row = findAccessReviewRow(db, organisationId, id);
  if (!row) throw notFound('Access review');
  return row;
}

/** Newest start first; the id breaks ties so the order (and the list's ETag) is stable. */
export function listAccessReviews(db: Db, organisationId: string): AccessReviewSummary[] {
  const rows = prepared(db, `${SELECT_REVIEW} WHERE r.organisation_id = ? ORDER BY r.started_at DESC, r.id`).all(organisationId) as AccessReviewRow[];
  return rows.map(toAccessReviewSummary);
}

export function getAccessReview(db: Db, organisationId: string, id: string): AccessReview {
  const row = requireAccessReviewRow(db, organisationId, id);
  return { ...toAccessReviewSummary(row), items: listAccessReviewItems(db, row.review_key), decisions: listDecisionRecords(db, row.review_key) };
}

/** In the order the client gave when it started the review. */
export function listAccessReviewItems(db: Db, reviewKey: number): AccessReviewItem[] {
  const rows = prepared(db, 'SELECT * FROM access_review_items WHERE review_key = ? ORDER BY position').all(reviewKey) as ItemRow[];
  return rows.map(toItem);
}

export function findAccessReviewItemMode(db: Db, reviewKey: number, grantId: string): GrantMode | undefined {
  const statement = prepared(db, 'SELECT mode FROM access_review_items WHERE review_key = ? AND grant_id = ?');
  return statement.pluck().get(reviewKey, grantId) as GrantMode | undefined;
}

function listDecisionRecords(db: Db, reviewKey: number): AccessReviewDecisionRecord[] {
  const rows = prepared(db, 'SELECT * FROM access_review_decisions WHERE review_key = ? ORDER BY recorded_at, seq').all(reviewKey) as DecisionRow[];
  return rows.map(toDecisionRecord);
}

export function findDecisionRecord(db: Db, reviewKey: number, id: string): AccessReviewDecisionRecord | undefined {
  const row = prepared(db, 'SELECT * FROM access_review_decisions WHERE review_key = ? AND id = ?').get(reviewKey, id) as DecisionRow | undefined;
  return row && toDecisionRecord(row);
}
