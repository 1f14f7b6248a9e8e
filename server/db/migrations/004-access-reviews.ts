import type { Db } from '../database';

/**
 * Access-review campaigns: what the administrator saw of every grant when a review started (items,
 * snapshots that stay readable after a grant is removed) and the immutable decisions recorded on them.
 * Review ids are chosen by the client (it may start a review offline), so they are unique per
 * organisation only: an id another organisation happens to use neither collides nor reveals itself.
 * Items and decisions hang off the review's internal `review_key`.
 */
export function migration004AccessReviews(db: Db): void {
  db.exec(`
    CREATE TABLE access_reviews (
      review_key INTEGER PRIMARY KEY,
      organisation_id TEXT NOT NULL REFERENCES organisations(id),
      id TEXT NOT NULL,
      name TEXT NOT NULL,
      due_date TEXT NOT NULL,             -- YYYY-MM-DD
      started_at TEXT NOT NULL,
      started_by TEXT NOT NULL,
      completed_at TEXT,
      item_count INTEGER NOT NULL,
      UNIQUE (organisation_id, id)
    ) STRICT;
    CREATE INDEX access_reviews_by_organisation_start ON access_reviews (organisation_id, started_at);

    CREATE TABLE access_review_items (
      review_key INTEGER NOT NULL REFERENCES access_reviews(review_key),
      position INTEGER NOT NULL,          -- the order the client gave at the start
      grant_id TEXT NOT NULL,
      group_id TEXT NOT NULL,
      group_full_name TEXT NOT NULL,
      vendor_id TEXT NOT NULL,
      vendor_name TEXT NOT NULL,
      mode TEXT NOT NULL CHECK (mode IN ('with_approval', 'without_approval')),
      granted_at TEXT NOT NULL,
      granted_by TEXT NOT NULL,
      expires_at TEXT,
      PRIMARY KEY (review_key, position),
      UNIQUE (review_key, grant_id)
    ) STRICT;

    CREATE TABLE access_review_decisions (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, -- insertion order, the tie-break after recorded_at
      review_key INTEGER NOT NULL REFERENCES access_reviews(review_key),
      id TEXT NOT NULL,
      grant_id TEXT NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('keep', 'remove')),
      justification TEXT,
      decided_at TEXT NOT NULL,
      decided_by TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      UNIQUE (review_key, id),
      FOREIGN KEY (review_key, grant_id) REFERENCES access_review_items (review_key, grant_id)
    ) STRICT;
    CREATE INDEX access_review_decisions_by_record ON access_review_decisions (review_key, recorded_at, seq);
  `);
}
