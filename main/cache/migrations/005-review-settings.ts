import type Database from 'better-sqlite3';

/**
 * The organisation's review settings (working hours, days of use a recommendation looks at, reminder lead
 * time) for this profile: one row of JSON, checked against common/review/review-settings.ts when read.
 * Kept in the profile's cache because they belong to that portal's organisation and must work offline.
 */
export function migration005ReviewSettings(db: Database.Database): void {
  db.exec(`
    CREATE TABLE review_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      updated_at TEXT NOT NULL,
      data TEXT NOT NULL
    ) STRICT;
  `);
}
