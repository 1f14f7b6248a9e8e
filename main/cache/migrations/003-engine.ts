import type Database from 'better-sqlite3';

/**
 * What the portal tells about the remote-support system it drives (issue "engine"): the machines in each
 * group and access found in the system that was not given through the portal (drift), both synced entities
 * like the others; and the system's status from GET /engine, one row with when it was fetched, so the app
 * can say offline what the portal drives and how fresh that knowledge is.
 */
export function migration003Engine(db: Database.Database): void {
  db.exec(`
    CREATE TABLE devices (
      id TEXT PRIMARY KEY,
      group_id TEXT NOT NULL,
      name TEXT NOT NULL,
      version INTEGER NOT NULL,
      data TEXT NOT NULL
    ) STRICT;
    CREATE INDEX devices_by_group ON devices (group_id);

    CREATE TABLE engine_findings (
      id TEXT PRIMARY KEY,
      group_id TEXT NOT NULL,
      found_at TEXT NOT NULL,
      version INTEGER NOT NULL,
      data TEXT NOT NULL
    ) STRICT;
    CREATE INDEX engine_findings_by_group ON engine_findings (group_id);

    CREATE TABLE engine_status (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      fetched_at TEXT NOT NULL,
      data TEXT NOT NULL
    ) STRICT;

    -- Groups, grants and users now carry their state in the remote-support system (engineStatus), which the
    -- portal added without new versions: syncing once from the start gives every cached row the field (an equal
    -- version overwrites, see entity-table.ts).
    UPDATE sync_state SET cursor = 0;
  `);
}
