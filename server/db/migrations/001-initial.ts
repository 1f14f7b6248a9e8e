import type { Db } from '../database';

/**
 * The portal's data. Every row that the app syncs carries `version`, drawn from the one global
 * counter in `version_counter`; deletes leave a row in `tombstones` with the version of the delete.
 */
export function migration001Initial(db: Db): void {
  db.exec(`
    CREATE TABLE version_counter (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      value INTEGER NOT NULL
    ) STRICT;
    INSERT INTO version_counter (id, value) VALUES (1, 0);

    CREATE TABLE organisations (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      prefix TEXT NOT NULL,
      name_key TEXT NOT NULL,            -- case- and diacritics-folded name, for vendor search
      is_vendor INTEGER NOT NULL DEFAULT 1 CHECK (is_vendor IN (0, 1)),
      service_status TEXT NOT NULL DEFAULT 'inactive' CHECK (service_status IN ('inactive', 'activating', 'active')),
      terms_version TEXT,
      activated_at TEXT,
      ready_at TEXT,
      version INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      organisation_id TEXT NOT NULL REFERENCES organisations(id),
      username TEXT NOT NULL UNIQUE,
      first_name TEXT NOT NULL,
      last_name TEXT NOT NULL,
      email TEXT NOT NULL,
      mobile TEXT NOT NULL,
      two_factor TEXT NOT NULL CHECK (two_factor IN ('totp', 'yubikey')),
      yubikey_public_id TEXT,
      totp_secret TEXT,                  -- base32; server-side only, never in an API list or audit event
      password_hash TEXT,                -- scrypt; set for portal administrators who sign in with a password
      otp_hash TEXT,                     -- scrypt of the current SMS one-time password
      otp_expires_at TEXT,
      is_portal_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_portal_admin IN (0, 1)),
      is_remote_support_user INTEGER NOT NULL DEFAULT 1 CHECK (is_remote_support_user IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX users_by_organisation ON users (organisation_id);

    CREATE TABLE machine_groups (
      id TEXT PRIMARY KEY,
      organisation_id TEXT NOT NULL REFERENCES organisations(id),
      name TEXT NOT NULL,
      name_key TEXT NOT NULL,            -- lower-cased NFC name: unique per organisation ignoring case
      sync_state TEXT NOT NULL CHECK (sync_state IN ('pending', 'ready')),
      ready_at TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      version INTEGER NOT NULL,
      UNIQUE (organisation_id, name_key)
    ) STRICT;

    CREATE TABLE grants (
      group_id TEXT NOT NULL REFERENCES machine_groups(id),
      organisation_id TEXT NOT NULL REFERENCES organisations(id),  -- the group's owner: the grant's sync feed
      vendor_id TEXT NOT NULL REFERENCES organisations(id),
      mode TEXT NOT NULL CHECK (mode IN ('with_approval', 'without_approval')),
      granted_at TEXT NOT NULL,
      granted_by TEXT NOT NULL,
      expires_at TEXT,
      version INTEGER NOT NULL,
      PRIMARY KEY (group_id, vendor_id)
    ) STRICT;
    CREATE INDEX grants_by_vendor ON grants (vendor_id);

    CREATE TABLE audit_events (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      organisation_id TEXT NOT NULL REFERENCES organisations(id),
      actor_id TEXT NOT NULL,
      actor_name TEXT NOT NULL,
      action TEXT NOT NULL,
      object_type TEXT NOT NULL,
      object_id TEXT NOT NULL,
      before_json TEXT,
      after_json TEXT,
      at TEXT NOT NULL,
      version INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX audit_by_organisation ON audit_events (organisation_id, id);

    CREATE TABLE tombstones (
      type TEXT NOT NULL,
      id TEXT NOT NULL,
      scope_organisation_id TEXT NOT NULL,  -- whose sync feed the delete belongs to
      version INTEGER NOT NULL,
      deleted_at TEXT NOT NULL,
      PRIMARY KEY (type, id, scope_organisation_id)
    ) STRICT;

    CREATE TABLE outbox (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
      recipient TEXT NOT NULL,
      user_id TEXT NOT NULL,
      subject TEXT,
      body TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    -- oidc-provider's models (sessions, grants, codes, tokens, interactions), one JSON payload each.
    CREATE TABLE oidc_payloads (
      model TEXT NOT NULL,
      id TEXT NOT NULL,
      payload TEXT NOT NULL,
      grant_id TEXT,
      uid TEXT,
      user_code TEXT,
      consumed_at INTEGER,
      expires_at INTEGER,
      PRIMARY KEY (model, id)
    ) STRICT;
    CREATE INDEX oidc_by_grant ON oidc_payloads (grant_id);
    CREATE INDEX oidc_by_uid ON oidc_payloads (uid);

    CREATE TABLE login_failures (
      username TEXT PRIMARY KEY,
      count INTEGER NOT NULL,
      last_failed_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE yubikey_used_otps (
      otp TEXT PRIMARY KEY,
      user_id TEXT NOT NULL,
      used_at TEXT NOT NULL
    ) STRICT;
  `);
}
