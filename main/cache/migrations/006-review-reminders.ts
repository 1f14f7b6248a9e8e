import type Database from 'better-sqlite3';

/**
 * The desktop reminders already given per campaign ("due soon", "overdue"): kept in the cache beside the
 * campaign, so a restart of the app, a new sign-in or a second run the same day does not give them again.
 */
export function migration006ReviewReminders(db: Database.Database): void {
  db.exec(`
    CREATE TABLE review_reminders (
      campaign_id TEXT NOT NULL REFERENCES review_campaigns (id),
      kind TEXT NOT NULL CHECK (kind IN ('due-soon', 'overdue')),
      sent_at TEXT NOT NULL,
      PRIMARY KEY (campaign_id, kind)
    ) STRICT;
  `);
}
