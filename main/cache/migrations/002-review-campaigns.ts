import type Database from 'better-sqlite3';

/**
 * Review campaigns are the one thing the app records before the portal has it: decisions are made
 * offline and pushed later. `pushed` marks what the portal has accepted (the outbox), and decisions
 * are append-only records; the newest per grant (highest `seq`) is the current one.
 */
export function migration002ReviewCampaigns(db: Database.Database): void {
  db.exec(`
    CREATE TABLE review_campaigns (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      due_date TEXT NOT NULL,
      started_at TEXT NOT NULL,
      started_by TEXT NOT NULL,
      completed_at TEXT,
      pushed INTEGER NOT NULL DEFAULT 0 CHECK (pushed IN (0, 1)),
      completion_pushed INTEGER NOT NULL DEFAULT 0 CHECK (completion_pushed IN (0, 1)),
      push_error TEXT
    ) STRICT;

    CREATE TABLE review_items (
      campaign_id TEXT NOT NULL REFERENCES review_campaigns (id),
      position INTEGER NOT NULL,
      grant_id TEXT NOT NULL,
      mode TEXT NOT NULL,
      data TEXT NOT NULL,
      -- The current decision, kept here so a campaign's state is one join, not a search for the newest.
      decision_seq INTEGER,
      removed_at TEXT,
      PRIMARY KEY (campaign_id, grant_id)
    ) STRICT;

    CREATE TABLE review_decisions (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      campaign_id TEXT NOT NULL REFERENCES review_campaigns (id),
      grant_id TEXT NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('keep', 'remove')),
      justification TEXT,
      decided_at TEXT NOT NULL,
      decided_by TEXT NOT NULL,
      pushed INTEGER NOT NULL DEFAULT 0 CHECK (pushed IN (0, 1))
    ) STRICT;
    CREATE INDEX review_decisions_by_item ON review_decisions (campaign_id, grant_id, seq);
    CREATE INDEX review_decisions_by_grant ON review_decisions (grant_id, seq);
    CREATE INDEX review_decisions_unpushed ON review_decisions (pushed, campaign_id, seq);
  `);
}
