import type { Db } from '../database';

/**
 * Remote-support sessions (server/engine/record-sessions.ts): one row per session the engine logged on a machine
 * of a portal group, read on every reconcile. The evidence of use an access review decides on, so it keeps what
 * was true when it was recorded — the group's, machine's and vendor's names, the user and their organisation —
 * and outlives all of them; a row is never deleted, and only an open session's end and consent ever change.
 *
 * - `engine_key`: the engine's own identity of the session (MeshCentral: device + relay id); UNIQUE, so the same
 *   log entry read again, by every reconcile and after a restart, is the same row.
 * - `organisation_id`: the group's owner, whose API and sync feed show it; so do the technician's vendor
 *   organisation's (`vendor_id`), which answers for its own technicians: `remote_sessions_of_vendor` and
 *   `remote_sessions_of_vendor_by_start` are that side's feed and list ranges (server/engine/session-read-model.ts).
 * - `user_id`/`username`: the portal user when the engine's account is one the portal's sign-in made (then the
 *   username is the portal's); NULL and the engine's account name for any other account (access outside the
 *   portal). `vendor_id`/`vendor_name`: the portal user's organisation, derived by the portal, never the engine's.
 */
export function migration013RemoteSessions(db: Db): void {
  db.exec(`
    CREATE TABLE remote_sessions (
      id TEXT PRIMARY KEY,
      engine_key TEXT NOT NULL UNIQUE,
      organisation_id TEXT NOT NULL,
      group_id TEXT NOT NULL,
      group_name TEXT NOT NULL,
      device_id TEXT NOT NULL,
      device_name TEXT NOT NULL,
      user_id TEXT,
      username TEXT NOT NULL,
      vendor_id TEXT,
      vendor_name TEXT,
      kind TEXT NOT NULL CHECK (kind IN ('desktop', 'terminal', 'files', 'other')),
      consent TEXT NOT NULL CHECK (consent IN ('notNeeded', 'asked', 'given', 'refused')),
      started_at TEXT NOT NULL,
      ended_at TEXT,
      version INTEGER NOT NULL,
      CHECK (ended_at IS NULL OR ended_at >= started_at),
      CHECK (vendor_name IS NULL OR vendor_id IS NOT NULL)
    ) STRICT;
    CREATE INDEX remote_sessions_by_organisation ON remote_sessions (organisation_id, version);
    CREATE INDEX remote_sessions_by_start ON remote_sessions (organisation_id, started_at, id);
    CREATE INDEX remote_sessions_by_group ON remote_sessions (organisation_id, group_id, started_at, id);
    CREATE INDEX remote_sessions_by_vendor ON remote_sessions (organisation_id, vendor_id, started_at, id);
    CREATE INDEX remote_sessions_by_user ON remote_sessions (organisation_id, user_id, started_at, id);
    CREATE INDEX remote_sessions_of_vendor ON remote_sessions (vendor_id, version);
    CREATE INDEX remote_sessions_of_vendor_by_start ON remote_sessions (vendor_id, started_at, id);
    -- The reconciler's high-water mark per machine: the latest end it holds.
    CREATE INDEX remote_sessions_by_device ON remote_sessions (device_id, ended_at);
  `);
}
