import type { Db } from '../database';

/**
 * The remote-support engine's side of the portal (server/engine/):
 *
 * - `engine_state`/`engine_reason` on groups, grants and users: pending until the engine holds the object as
 *   the portal says, active when it does, failed with the engine's reason when it refused. A change that the
 *   engine must follow sets the object back to pending, in the same statement.
 * - `engine_outbox`: the transactional outbox. Triggers write a row in the transaction of every change the
 *   engine must follow, so no route can forget it and a crash cannot lose it; the reconciler deletes the rows
 *   it has converged past. Reconciling is by state, not by replaying rows, so a row applied twice is harmless.
 * - `engine_mode`: with no engine ("simulert") the triggers make new objects active at once instead.
 * - `engine_findings`: access in the engine that no grant explains (drift), reported until it is gone.
 * - `engine_devices`: the machines the engine has in each group, as last observed.
 * - `engine_runs`: one row, how the last reconcile went (for the status the API shows).
 */
export function migration012EngineState(db: Db): void {
  db.exec(`
    ALTER TABLE machine_groups ADD COLUMN engine_state TEXT NOT NULL DEFAULT 'pending' CHECK (engine_state IN ('pending', 'active', 'failed'));
    ALTER TABLE machine_groups ADD COLUMN engine_reason TEXT;
    ALTER TABLE grants ADD COLUMN engine_state TEXT NOT NULL DEFAULT 'pending' CHECK (engine_state IN ('pending', 'active', 'failed'));
    ALTER TABLE grants ADD COLUMN engine_reason TEXT;
    ALTER TABLE users ADD COLUMN engine_state TEXT NOT NULL DEFAULT 'pending' CHECK (engine_state IN ('pending', 'active', 'failed'));
    ALTER TABLE users ADD COLUMN engine_reason TEXT;

    CREATE INDEX engine_not_active_machine_groups ON machine_groups (engine_state) WHERE engine_state <> 'active';
    CREATE INDEX engine_not_active_grants ON grants (engine_state) WHERE engine_state <> 'active';
    CREATE INDEX engine_not_active_users ON users (engine_state) WHERE engine_state <> 'active';

    CREATE TABLE engine_outbox (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      object_type TEXT NOT NULL CHECK (object_type IN ('service', 'machineGroup', 'grant', 'user')),
      object_id TEXT NOT NULL,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ) STRICT;

    -- Whether the portal drives a real engine (0) or none ("simulert", 1); set by the engine runtime at start.
    -- Simulated, an object is active as soon as the portal has it, in the change's own transaction (so the
    -- answer to the change already says so, with its final version), and the outbox stays empty.
    CREATE TABLE engine_mode (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      simulated INTEGER NOT NULL CHECK (simulated IN (0, 1))
    ) STRICT;
    INSERT INTO engine_mode (id, simulated) VALUES (1, 1);

    CREATE TRIGGER engine_outbox_service AFTER UPDATE OF service_status ON organisations
    WHEN (SELECT simulated FROM engine_mode) = 0 BEGIN
      INSERT INTO engine_outbox (object_type, object_id) VALUES ('service', NEW.id);
    END;

    CREATE TRIGGER engine_simulated_group_insert AFTER INSERT ON machine_groups
    WHEN (SELECT simulated FROM engine_mode) = 1 BEGIN
      UPDATE machine_groups SET engine_state = 'active' WHERE id = NEW.id;
    END;
    CREATE TRIGGER engine_outbox_group_insert AFTER INSERT ON machine_groups
    WHEN (SELECT simulated FROM engine_mode) = 0 BEGIN
      INSERT INTO engine_outbox (object_type, object_id) VALUES ('machineGroup', NEW.id);
    END;
    CREATE TRIGGER engine_outbox_group_rename AFTER UPDATE OF name ON machine_groups
    WHEN (SELECT simulated FROM engine_mode) = 0 BEGIN
      UPDATE machine_groups SET engine_state = 'pending', engine_reason = NULL WHERE id = NEW.id;
      INSERT INTO engine_outbox (object_type, object_id) VALUES ('machineGroup', NEW.id);
    END;
    CREATE TRIGGER engine_outbox_group_delete AFTER DELETE ON machine_groups
    WHEN (SELECT simulated FROM engine_mode) = 0 BEGIN
      INSERT INTO engine_outbox (object_type, object_id) VALUES ('machineGroup', OLD.id);
    END;

    CREATE TRIGGER engine_simulated_grant_insert AFTER INSERT ON grants
    WHEN (SELECT simulated FROM engine_mode) = 1 BEGIN
      UPDATE grants SET engine_state = 'active' WHERE group_id = NEW.group_id AND vendor_id = NEW.vendor_id;
    END;
    CREATE TRIGGER engine_outbox_grant_insert AFTER INSERT ON grants
    WHEN (SELECT simulated FROM engine_mode) = 0 BEGIN
      INSERT INTO engine_outbox (object_type, object_id) VALUES ('grant', NEW.group_id || ':' || NEW.vendor_id);
    END;
    CREATE TRIGGER engine_outbox_grant_change AFTER UPDATE OF mode, expires_at ON grants
    WHEN (SELECT simulated FROM engine_mode) = 0 BEGIN
      UPDATE grants SET engine_state = 'pending', engine_reason = NULL WHERE group_id = NEW.group_id AND vendor_id = NEW.vendor_id;
      INSERT INTO engine_outbox (object_type, object_id) VALUES ('grant', NEW.group_id || ':' || NEW.vendor_id);
    END;
    CREATE TRIGGER engine_outbox_grant_delete AFTER DELETE ON grants
    WHEN (SELECT simulated FROM engine_mode) = 0 BEGIN
      INSERT INTO engine_outbox (object_type, object_id) VALUES ('grant', OLD.group_id || ':' || OLD.vendor_id);
    END;

    CREATE TRIGGER engine_simulated_user_insert AFTER INSERT ON users
    WHEN (SELECT simulated FROM engine_mode) = 1 BEGIN
      UPDATE users SET engine_state = 'active' WHERE id = NEW.id;
    END;
    CREATE TRIGGER engine_outbox_user_insert AFTER INSERT ON users
    WHEN (SELECT simulated FROM engine_mode) = 0 BEGIN
      INSERT INTO engine_outbox (object_type, object_id) VALUES ('user', NEW.id);
    END;
    CREATE TRIGGER engine_outbox_user_change AFTER UPDATE OF username, first_name, last_name, email, is_remote_support_user, deactivated_at ON users
    WHEN (SELECT simulated FROM engine_mode) = 0 BEGIN
      UPDATE users SET engine_state = 'pending', engine_reason = NULL WHERE id = NEW.id;
      INSERT INTO engine_outbox (object_type, object_id) VALUES ('user', NEW.id);
    END;
    CREATE TRIGGER engine_outbox_user_delete AFTER DELETE ON users
    WHEN (SELECT simulated FROM engine_mode) = 0 BEGIN
      INSERT INTO engine_outbox (object_type, object_id) VALUES ('user', OLD.id);
    END;

    CREATE TABLE engine_findings (
      id TEXT PRIMARY KEY,                  -- group id + the engine's subject id: one finding per hand-made link
      organisation_id TEXT NOT NULL,        -- the group's owner: whose access review and sync feed show it
      group_id TEXT NOT NULL,
      subject_id TEXT NOT NULL,
      subject_kind TEXT NOT NULL CHECK (subject_kind IN ('user', 'userGroup')),
      subject_name TEXT NOT NULL,
      consent_required INTEGER NOT NULL CHECK (consent_required IN (0, 1)),
      found_at TEXT NOT NULL,
      version INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX engine_findings_by_organisation ON engine_findings (organisation_id, version);

    CREATE TABLE engine_devices (
      engine_id TEXT PRIMARY KEY,
      organisation_id TEXT NOT NULL,
      group_id TEXT NOT NULL,
      name TEXT NOT NULL,
      os TEXT,
      online INTEGER NOT NULL CHECK (online IN (0, 1)),
      last_seen_at TEXT,
      version INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX engine_devices_by_organisation ON engine_devices (organisation_id, version);
    CREATE INDEX engine_devices_by_group ON engine_devices (group_id);

    CREATE TABLE engine_runs (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      last_attempt_at TEXT,
      last_success_at TEXT,
      failures INTEGER NOT NULL DEFAULT 0,
      last_error_code TEXT,
      last_error TEXT
    ) STRICT;
    INSERT INTO engine_runs (id) VALUES (1);
  `);
  // Until now the portal drove no engine: what exists is active in the simulation. The versions stay: an app's
  // cache learns the new field by syncing from the start once (its own migration resets its cursor).
  db.exec(`
    UPDATE machine_groups SET engine_state = 'active';
    UPDATE grants SET engine_state = 'active';
    UPDATE users SET engine_state = 'active';
  `);
}
