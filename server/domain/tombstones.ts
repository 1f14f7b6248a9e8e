import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import { nextVersion } from '../db/versions';
import type { SyncType } from './sync-types';

/**
 * A delete in `scopeOrganisationId`'s sync feed. Re-deleting the same item moves its tombstone to the
 * new version, so a client that already saw the first delete still sees the second.
 */
export function writeTombstone(db: Db, type: SyncType, id: string, scopeOrganisationId: string, at: string): number {
  const version = nextVersion(db);
  prepared(db, 
    `INSERT INTO tombstones (type, id, scope_organisation_id, version, deleted_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (type, id, scope_organisation_id) DO UPDATE SET version = excluded.version, deleted_at = excluded.deleted_at`,
  ).run(type, id, scopeOrganisationId, version, at);
  return version;
}

/** An item that comes back is a put with a newer version; its old tombstone is no longer needed. */
export function clearTombstone(db: Db, type: SyncType, id: string, scopeOrganisationId: string): void {
  prepared(db, 'DELETE FROM tombstones WHERE type = ? AND id = ? AND scope_organisation_id = ?').run(type, id, scopeOrganisationId);
}
