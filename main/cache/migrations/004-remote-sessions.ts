import type Database from 'better-sqlite3';

/**
 * Remote-support sessions (issue 14): who connected to which group's machine, when, how, and whether the
 * person at the machine was asked, as the portal's sync feed sends them. The columns are what the
 * sessions screen filters and sorts on and what the grant usage query reads; times are stored as
 * normalised ISO instants (UTC, milliseconds, "Z"), so comparing them as text compares the instants.
 *
 * `remote_sessions_by_grant` makes every per-grant question (last used, sessions since a day, used
 * without approval) an index range scan on (group, vendor, start).
 */
export function migration004RemoteSessions(db: Database.Database): void {
  db.exec(`
    CREATE TABLE remote_sessions (
      id TEXT PRIMARY KEY,
      group_id TEXT NOT NULL,
      vendor_id TEXT,
      user_id TEXT,
      kind TEXT NOT NULL,
      consent TEXT NOT NULL,
      started_at TEXT NOT NULL,
      ended_at TEXT,
      version INTEGER NOT NULL,
      data TEXT NOT NULL
    ) STRICT;
    CREATE INDEX remote_sessions_by_grant ON remote_sessions (group_id, vendor_id, started_at);
    CREATE INDEX remote_sessions_by_start ON remote_sessions (started_at);
    CREATE INDEX remote_sessions_by_vendor ON remote_sessions (vendor_id, started_at);
    CREATE INDEX remote_sessions_by_user ON remote_sessions (user_id, started_at);

    -- A cache synced before the feed carried sessions has a cursor past the versions the portal gave its
    -- older sessions (an older app skipped that type): syncing once from the start brings them in.
    UPDATE sync_state SET cursor = 0;
  `);
}
