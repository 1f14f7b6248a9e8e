import type Database from 'better-sqlite3';

/**
 * The offline cache of one profile. Each synced entity keeps the portal's JSON in `data` plus the
 * columns the app filters and sorts on. No secrets are ever stored here: no tokens, no TOTP secrets,
 * no one-time passwords (the portal's shapes do not carry them, and the QR export is never cached).
 */
export function migration001Initial(db: Database.Database): void {
  db.exec(`
    CREATE TABLE sync_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      cursor INTEGER NOT NULL,
      last_success_at TEXT,
      last_attempt_at TEXT,
      last_error TEXT
    ) STRICT;
    INSERT INTO sync_state (id, cursor) VALUES (1, 0);

    CREATE TABLE account (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      data TEXT NOT NULL
    ) STRICT;

    CREATE TABLE service (
      id TEXT PRIMARY KEY,
      status TEXT NOT NULL,
      version INTEGER NOT NULL,
      data TEXT NOT NULL
    ) STRICT;

    CREATE TABLE vendors (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      search_key TEXT NOT NULL,
      version INTEGER NOT NULL,
      data TEXT NOT NULL
    ) STRICT;
    CREATE INDEX vendors_by_name ON vendors (search_key);

    CREATE TABLE machine_groups (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      full_name TEXT NOT NULL,
      sync_state TEXT NOT NULL,
      ready_at TEXT NOT NULL,
      version INTEGER NOT NULL,
      data TEXT NOT NULL
    ) STRICT;

    CREATE TABLE grants (
      id TEXT PRIMARY KEY,
      group_id TEXT NOT NULL,
      vendor_id TEXT NOT NULL,
      vendor_name TEXT NOT NULL,
      mode TEXT NOT NULL,
      granted_at TEXT NOT NULL,
      expires_at TEXT,
      version INTEGER NOT NULL,
      data TEXT NOT NULL
    ) STRICT;
    CREATE INDEX grants_by_group ON grants (group_id);

    CREATE TABLE accessible_groups (
      id TEXT PRIMARY KEY,
      owner_id TEXT NOT NULL,
      owner_name TEXT NOT NULL,
      full_name TEXT NOT NULL,
      mode TEXT NOT NULL,
      version INTEGER NOT NULL,
      data TEXT NOT NULL
    ) STRICT;

    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      username TEXT NOT NULL,
      sort_key TEXT NOT NULL,
      search_key TEXT NOT NULL,
      version INTEGER NOT NULL,
      data TEXT NOT NULL
    ) STRICT;
    CREATE INDEX users_by_sort ON users (sort_key);

    CREATE TABLE audit_events (
      id TEXT PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      object_type TEXT NOT NULL,
      object_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      data TEXT NOT NULL
    ) STRICT;
    CREATE INDEX audit_by_time ON audit_events (at);
  `);
}
