import type { Db } from '../database';

/**
 * Indexes for the API's hot paths: each sync page reads every synced table in version order per
 * organisation, and every request first settles the few rows whose delayed transition is due
 * (activating -> active, pending -> ready, expired grants), so those are partial indexes.
 */
export function migration003SyncIndexes(db: Db): void {
  db.exec(`
    CREATE INDEX organisations_by_version ON organisations (version);
    CREATE INDEX users_by_organisation_version ON users (organisation_id, version);
    CREATE INDEX machine_groups_by_organisation_version ON machine_groups (organisation_id, version);
    CREATE INDEX grants_by_organisation_version ON grants (organisation_id, version);
    CREATE INDEX grants_by_vendor_version ON grants (vendor_id, version);
    CREATE INDEX audit_by_organisation_version ON audit_events (organisation_id, version);
    CREATE INDEX tombstones_by_scope_version ON tombstones (scope_organisation_id, version);
    CREATE INDEX outbox_by_user ON outbox (user_id, id);

    CREATE INDEX organisations_activating ON organisations (ready_at) WHERE service_status = 'activating';
    CREATE INDEX machine_groups_pending ON machine_groups (ready_at) WHERE sync_state = 'pending';
    CREATE INDEX grants_expiring ON grants (expires_at) WHERE expires_at IS NOT NULL;
  `);
}
