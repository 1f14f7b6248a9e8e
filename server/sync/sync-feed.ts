import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import { getAuditEvent } from '../domain/audit-log';
import { getAccessibleGroup, getGrant } from '../domain/grant-repository';
import { getMachineGroupById } from '../domain/machine-group-repository';
import { getRemoteSupportService } from '../domain/remote-support-service';
import type { SyncType } from '../domain/sync-types';
import { getUserRow, toUser } from '../domain/user-repository';
import { findVendor } from '../domain/vendor-repository';
import { getDevice } from '../engine/engine-read-model';
import { findingSnapshot } from '../engine/record-observation';

export interface SyncChange {
  type: SyncType;
  op: 'put' | 'delete';
  id: string;
  version: number;
  /** For a put: the item as the REST list route shows it. */
  data?: unknown;
}

export interface SyncPage {
  /** The last version delivered: pass it as `since` for the next page. */
  cursor: number;
  hasMore: boolean;
  changes: SyncChange[];
}

interface Head {
  type: SyncType;
  op: 'put' | 'delete';
  id: string;
  version: number;
}

/**
 * Everything the organisation may see, newest state per item, as (type, op, id, version) in version
 * order. Each source is limited on its own first so every branch is an index range scan, however
 * large the other organisations' data is. `@upTo` bounds the read when a page must end on a version.
 */
const HEADS_SQL = `
  SELECT type, op, id, version FROM (
    SELECT * FROM (SELECT 'service' AS type, 'put' AS op, id, version FROM organisations
      WHERE id = @org AND version > @since AND version <= @upTo)
    UNION ALL
    SELECT * FROM (SELECT 'vendor', 'put', id, version FROM organisations
      WHERE is_vendor = 1 AND id <> @org AND version > @since AND version <= @upTo ORDER BY version LIMIT @n)
    UNION ALL
    SELECT * FROM (SELECT 'machineGroup', 'put', id, version FROM machine_groups
      WHERE organisation_id = @org AND version > @since AND version <= @upTo ORDER BY version LIMIT @n)
    UNION ALL
    SELECT * FROM (SELECT 'grant', 'put', group_id || ':' || vendor_id, version FROM grants
      WHERE organisation_id = @org AND version > @since AND version <= @upTo ORDER BY version LIMIT @n)
    UNION ALL
    SELECT * FROM (SELECT 'accessibleGroup', 'put', group_id, version FROM grants
      WHERE vendor_id = @org AND version > @since AND version <= @upTo ORDER BY version LIMIT @n)
    UNION ALL
    SELECT * FROM (SELECT 'user', 'put', id, version FROM users
      WHERE organisation_id = @org AND version > @since AND version <= @upTo ORDER BY version LIMIT @n)
    UNION ALL
    SELECT * FROM (SELECT 'auditEvent', 'put', CAST(id AS TEXT), version FROM audit_events
      WHERE organisation_id = @org AND version > @since AND version <= @upTo ORDER BY version LIMIT @n)
    UNION ALL
    SELECT * FROM (SELECT 'device', 'put', engine_id, version FROM engine_devices
      WHERE organisation_id = @org AND version > @since AND version <= @upTo ORDER BY version LIMIT @n)
    UNION ALL
    SELECT * FROM (SELECT 'engineFinding', 'put', id, version FROM engine_findings
      WHERE organisation_id = @org AND version > @since AND version <= @upTo ORDER BY version LIMIT @n)
    UNION ALL
    SELECT * FROM (SELECT type, 'delete', id, version FROM tombstones
      WHERE scope_organisation_id = @org AND version > @since AND version <= @upTo ORDER BY version LIMIT @n)
  ) ORDER BY version, type, id LIMIT @n`;

const NO_BOUND = Number.MAX_SAFE_INTEGER;

/**
 * One page of the organisation's changes after `since`. A page never ends between two changes with
 * the same version, because the cursor is a version: the next page starts strictly after it.
 * Read in one transaction so the page is a consistent snapshot.
 */
export function readSyncPage(db: Db, organisationId: string, since: number, limit: number): SyncPage {
  return db.transaction(() => {
    const heads = prepared(db, HEADS_SQL);
    const rows = heads.all({ org: organisationId, since, upTo: NO_BOUND, n: limit + 1 }) as Head[];
    let page = rows.slice(0, limit);
    const hasMore = rows.length > limit;
    if (hasMore) {
      const boundary = rows[limit]!.version;
      if (page.at(-1)!.version === boundary) {
        const before = page.filter((head) => head.version < boundary);
        // Everything on the page shares one version: take that whole version, however many rows it has.
        page = before.length > 0 ? before : (heads.all({ org: organisationId, since, upTo: boundary, n: NO_BOUND }) as Head[]);
      }
    }
    const changes = page.map((head) => toChange(db, organisationId, head));
    return { cursor: page.at(-1)?.version ?? since, hasMore, changes };
  })();
}

function toChange(db: Db, organisationId: string, head: Head): SyncChange {
  if (head.op === 'delete') return { ...head };
  const data = hydrate(db, organisationId, head);
  // A row the heads query saw is in the same snapshot, so it exists.
  if (data === undefined) throw new Error(`sync: ${head.type} ${head.id} vanished within one snapshot`);
  return { ...head, data };
}

function hydrate(db: Db, organisationId: string, head: Head): unknown {
  switch (head.type) {
    case 'service':
      return getRemoteSupportService(db, head.id);
    case 'vendor':
      return findVendor(db, head.id);
    case 'machineGroup':
      return getMachineGroupById(db, head.id);
    case 'grant': {
      const [groupId = '', vendorId = ''] = head.id.split(':');
      return getGrant(db, groupId, vendorId);
    }
    case 'accessibleGroup':
      return getAccessibleGroup(db, organisationId, head.id);
    case 'user': {
      const row = getUserRow(db, head.id);
      return row && toUser(row);
    }
    case 'auditEvent':
      return getAuditEvent(db, Number(head.id));
    case 'device':
      return getDevice(db, head.id);
    case 'engineFinding':
      return findingSnapshot(db, head.id) ?? undefined;
  }
}
