import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import { getAuditEvents } from '../domain/audit-log';
import { getAccessibleGroups, getGrantsChangedBetween } from '../domain/grant-repository';
import { getMachineGroupsById } from '../domain/machine-group-repository';
import { getRemoteSupportService } from '../domain/remote-support-service';
import type { SyncType } from '../domain/sync-types';
import { getUserRows, toUser } from '../domain/user-repository';
import { findVendors } from '../domain/vendor-repository';
import { getDevices } from '../engine/engine-read-model';
import { findingSnapshots } from '../engine/record-observation';
import { getRemoteSessions } from '../engine/session-read-model';

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
    SELECT * FROM (SELECT 'remoteSession', 'put', id, version FROM remote_sessions
      WHERE organisation_id = @org AND version > @since AND version <= @upTo ORDER BY version LIMIT @n)
    UNION ALL
    -- The technician's vendor sees its technicians' sessions on others' groups (its own are in the branch above).
    SELECT * FROM (SELECT 'remoteSession', 'put', id, version FROM remote_sessions
      WHERE vendor_id = @org AND organisation_id <> @org AND version > @since AND version <= @upTo ORDER BY version LIMIT @n)
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
    const cursor = page.at(-1)?.version ?? since;
    const changes = toChanges(db, { organisationId, since, upTo: cursor }, page);
    return { cursor, hasMore, changes };
  })();
}

/** Whose page it is, and the versions it holds: after `since`, at most `upTo`. */
interface PageScope {
  organisationId: string;
  since: number;
  upTo: number;
}

/**
 * The page's puts are read a type at a time, each type in one statement over all its ids on the page, in the
 * same shapes the REST routes give (the repositories' own row mappers); a query per item cost twenty times more.
 */
function toChanges(db: Db, scope: PageScope, heads: readonly Head[]): SyncChange[] {
  const idsByType = new Map<SyncType, string[]>();
  for (const head of heads) {
    if (head.op !== 'put') continue;
    const ids = idsByType.get(head.type);
    if (ids) ids.push(head.id);
    else idsByType.set(head.type, [head.id]);
  }
  const items = new Map<SyncType, ReadonlyMap<string, unknown>>();
  for (const [type, ids] of idsByType) items.set(type, hydrate[type](db, scope, ids));
  return heads.map((head) => toChange(head, items.get(head.type)));
}

function toChange(head: Head, items: ReadonlyMap<string, unknown> | undefined): SyncChange {
  if (head.op === 'delete') return { ...head };
  const data = items?.get(head.id);
  // A row the heads query saw is in the same snapshot, so it exists.
  if (data === undefined) throw new Error(`sync: ${head.type} ${head.id} vanished within one snapshot`);
  return { ...head, data };
}

/** Items keyed as the heads query names them (an audit event's numeric id as text). */
function byId(items: ReadonlyArray<{ id: string | number }>): Map<string, unknown> {
  return new Map(items.map((item) => [String(item.id), item]));
}

/**
 * Per type: the items with these ids (heads of the organisation's feed, so already in its scope). The
 * owner's grants are read by the page's versions instead: the same rows (a grant's head is its own row
 * and version), in a third of the time; toChange still finds each head's item or fails the page.
 */
const hydrate: Record<SyncType, (db: Db, scope: PageScope, ids: string[]) => ReadonlyMap<string, unknown>> = {
  // The organisation itself: one row, and its shape carries no id.
  service: (db, _scope, ids) => new Map(ids.map((id) => [id, getRemoteSupportService(db, id)])),
  vendor: (db, _scope, ids) => byId(findVendors(db, ids)),
  machineGroup: (db, _scope, ids) => byId(getMachineGroupsById(db, ids)),
  grant: (db, { organisationId, since, upTo }) => byId(getGrantsChangedBetween(db, organisationId, since, upTo)),
  accessibleGroup: (db, { organisationId }, ids) => byId(getAccessibleGroups(db, organisationId, ids)),
  user: (db, _scope, ids) => byId(getUserRows(db, ids).map(toUser)),
  auditEvent: (db, _scope, ids) => byId(getAuditEvents(db, ids.map(Number))),
  device: (db, _scope, ids) => byId(getDevices(db, ids)),
  engineFinding: (db, _scope, ids) => byId(findingSnapshots(db, ids)),
  remoteSession: (db, _scope, ids) => byId(getRemoteSessions(db, ids)),
};
