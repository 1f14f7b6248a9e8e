import { engineObjectStatus, type EngineObjectStatus, type EngineState } from '../engine/engine-object-status';
import { machineGroupFullName } from '../../common/validation/machine-group-name';
import { sortByNames } from '../../common/sorting/name-collation';
import type { Db } from '../db/database';
import { idList, inIdList } from '../db/id-list';
import { prepared } from '../db/prepared';
import { nextVersion } from '../db/versions';
import { Problem } from '../http/problem';
import type { Actor } from './actor';
import { writeAuditEvent } from './audit-log';
import { requireMachineGroup } from './machine-group-repository';
import type { OrganisationRef } from './organisation-repository';
import { grantId } from './sync-types';
import { clearTombstone, writeTombstone } from './tombstones';
import { findVendor } from './vendor-repository';

export type GrantMode = 'with_approval' | 'without_approval';

export interface Grant {
  /** `<groupId>:<vendorId>` */
  id: string;
  groupId: string;
  vendor: OrganisationRef;
  mode: GrantMode;
  /** When and by whom access was first given: a later change of mode or expiry keeps them. */
  grantedAt: string;
  grantedBy: string;
  /** The latest change of mode (with <-> without approval); null while the mode is as first given. */
  modeChangedAt: string | null;
  modeChangedBy: string | null;
  expiresAt: string | null;
  /** Whether the remote-support system holds the grant as given (server/engine/). */
  engineStatus: EngineObjectStatus;
  version: number;
}

/** A group of another organisation that the caller's organisation has been granted (the guide, chapter 4). */
export interface AccessibleGroup {
  /** The group's id: one organisation holds at most one grant per group. */
  id: string;
  name: string;
  fullName: string;
  owner: OrganisationRef;
  /** without_approval is the guide's laptop icon. */
  mode: GrantMode;
  expiresAt: string | null;
  /** The grant's version. */
  version: number;
}

interface GrantRow {
  group_id: string;
  vendor_id: string;
  vendor_name: string;
  mode: GrantMode;
  granted_at: string;
  granted_by: string;
  mode_changed_at: string | null;
  mode_changed_by: string | null;
  expires_at: string | null;
  engine_state: EngineState;
  engine_reason: string | null;
  version: number;
}

const SELECT_GRANT = `SELECT gr.*, v.name AS vendor_name FROM grants gr JOIN organisations v ON v.id = gr.vendor_id`;

function toGrant(row: GrantRow): Grant {
  return {
    id: grantId(row.group_id, row.vendor_id),
    groupId: row.group_id,
    vendor: { id: row.vendor_id, name: row.vendor_name },
    mode: row.mode,
    grantedAt: row.granted_at,
    grantedBy: row.granted_by,
    modeChangedAt: row.mode_changed_at,
    modeChangedBy: row.mode_changed_by,
    expiresAt: row.expires_at,
    engineStatus: engineObjectStatus(row),
    version: row.version,
  };
}

/** By vendor name in Norwegian order (sorted here: SQLite's order is by code point). */
export function listGrants(db: Db, groupId: string): Grant[] {
  const rows = prepared(db, `${SELECT_GRANT} WHERE gr.group_id = ? ORDER BY v.id`).all(groupId) as GrantRow[];
  return sortByNames(rows.map(toGrant), (grant) => [grant.vendor.name]);
}

export function getGrant(db: Db, groupId: string, vendorId: string): Grant | undefined {
  const row = prepared(db, `${SELECT_GRANT} WHERE gr.group_id = ? AND gr.vendor_id = ?`).get(groupId, vendorId) as GrantRow | undefined;
  return row && toGrant(row);
}

/**
 * For the sync feed: the organisation's grants whose version is after `since` and at most `upTo`, which are a
 * page's grants, in one range of the (organisation_id, version) index. Read by their keys instead (json_each,
 * then an index search per key) they took three times as long: most of a large first sync's rows are grants.
 */
export function getGrantsChangedBetween(db: Db, organisationId: string, since: number, upTo: number): Grant[] {
  const rows = prepared(db, `${SELECT_GRANT} WHERE gr.organisation_id = ? AND gr.version > ? AND gr.version <= ?`).all(organisationId, since, upTo) as GrantRow[];
  return rows.map(toGrant);
}

export interface GrantRequest {
  mode: GrantMode;
  expiresAt?: string | null | undefined;
}

/**
 * Creates (created: true) or changes a grant; the same mode and expiry again changes nothing. A change
 * keeps when and by whom access was first given; a change of mode is recorded in `modeChangedAt`/`By`
 * and as its own audit event (grant.mode_changed), an expiry change as grant.changed.
 */
export function putGrant(db: Db, actor: Actor, groupId: string, vendorId: string, request: GrantRequest, now: Date): { grant: Grant; created: boolean } {
  return db.transaction(() => {
    requireMachineGroup(db, actor.organisationId, groupId);
    if (vendorId === actor.organisationId) {
      throw new Problem(422, 'CANNOT_GRANT_SELF', 'An organisation cannot grant itself access to its own machine groups', [
        { field: 'vendorId', code: 'CANNOT_GRANT_SELF', message: 'This is your own organisation' },
      ]);
    }
    if (!findVendor(db, vendorId)) throw new Problem(404, 'VENDOR_NOT_FOUND', 'Vendor not found');
    const expiresAt = checkExpiry(request.expiresAt, now);

    const before = getGrant(db, groupId, vendorId);
    if (before && before.mode === request.mode && before.expiresAt === expiresAt) return { grant: before, created: false };

    const at = now.toISOString();
    const version = nextVersion(db);
    const modeChanged = before !== undefined && before.mode !== request.mode;
    if (before) {
      const [modeChangedAt, modeChangedBy] = modeChanged ? [at, actor.username] : [before.modeChangedAt, before.modeChangedBy];
      prepared(db,
        'UPDATE grants SET mode = ?, expires_at = ?, mode_changed_at = ?, mode_changed_by = ?, version = ? WHERE group_id = ? AND vendor_id = ?',
      ).run(request.mode, expiresAt, modeChangedAt, modeChangedBy, version, groupId, vendorId);
    } else {
      prepared(db,
        'INSERT INTO grants (group_id, organisation_id, vendor_id, mode, granted_at, granted_by, expires_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(groupId, actor.organisationId, vendorId, request.mode, at, actor.username, expiresAt, version);
    }
    clearTombstone(db, 'grant', grantId(groupId, vendorId), actor.organisationId);
    clearTombstone(db, 'accessibleGroup', groupId, vendorId);
    const grant = getGrant(db, groupId, vendorId)!;
    writeAuditEvent(db, {
      actor,
      action: !before ? 'grant.created' : modeChanged ? 'grant.mode_changed' : 'grant.changed',
      objectType: 'grant',
      objectId: grant.id,
      before: before ?? null,
      after: grant,
      at,
    });
    return { grant, created: !before };
  })();
}

function checkExpiry(expiresAt: string | null | undefined, now: Date): string | null {
  if (expiresAt === undefined || expiresAt === null) return null;
  const time = Date.parse(expiresAt);
  if (Number.isNaN(time)) {
    throw new Problem(422, 'VALIDATION_FAILED', 'The request is not valid', [
      { field: 'expiresAt', code: 'DATE_INVALID', message: 'Not an RFC 3339 date-time' },
    ]);
  }
  if (time <= now.getTime()) {
    throw new Problem(422, 'EXPIRES_AT_NOT_IN_FUTURE', 'A grant must expire in the future', [
      { field: 'expiresAt', code: 'EXPIRES_AT_NOT_IN_FUTURE', message: `Must be after ${now.toISOString()}` },
    ]);
  }
  return new Date(time).toISOString();
}

export function deleteGrant(db: Db, actor: Actor, groupId: string, vendorId: string, now: Date): void {
  db.transaction(() => {
    requireMachineGroup(db, actor.organisationId, groupId);
    const before = getGrant(db, groupId, vendorId);
    if (!before) throw new Problem(404, 'NOT_FOUND', 'This vendor has no access to the machine group');
    removeGrant(db, actor, before, 'grant.deleted', now.toISOString());
  })();
}

/**
 * Deletes a grant with its tombstones: one in the owner's feed (the grant) and one in the vendor's
 * (the group it can no longer reach). `actor.organisationId` is the owner's.
 */
export function removeGrant(db: Db, actor: Actor, grant: Grant, action: string, at: string): void {
  prepared(db, 'DELETE FROM grants WHERE group_id = ? AND vendor_id = ?').run(grant.groupId, grant.vendor.id);
  writeTombstone(db, 'grant', grant.id, actor.organisationId, at);
  writeTombstone(db, 'accessibleGroup', grant.groupId, grant.vendor.id, at);
  writeAuditEvent(db, { actor, action, objectType: 'grant', objectId: grant.id, before: grant, after: null, at });
}

interface AccessibleRow {
  group_id: string;
  group_name: string;
  owner_id: string;
  owner_name: string;
  owner_prefix: string;
  mode: GrantMode;
  expires_at: string | null;
  version: number;
}

const SELECT_ACCESSIBLE = `
  SELECT g.id AS group_id, g.name AS group_name, o.id AS owner_id, o.name AS owner_name, o.prefix AS owner_prefix,
         gr.mode, gr.expires_at, gr.version
  FROM grants gr JOIN machine_groups g ON g.id = gr.group_id JOIN organisations o ON o.id = g.organisation_id`;

function toAccessibleGroup(row: AccessibleRow): AccessibleGroup {
  return {
    id: row.group_id,
    name: row.group_name,
    fullName: machineGroupFullName(row.owner_prefix, row.group_name),
    owner: { id: row.owner_id, name: row.owner_name },
    mode: row.mode,
    expiresAt: row.expires_at,
    version: row.version,
  };
}

export function listAccessibleGroups(db: Db, organisationId: string): AccessibleGroup[] {
  const rows = db
    .prepare(`${SELECT_ACCESSIBLE} WHERE gr.vendor_id = ? AND g.organisation_id <> gr.vendor_id ORDER BY g.id`)
    .all(organisationId) as AccessibleRow[];
  // By owner, then group, in Norwegian order.
  return sortByNames(rows.map(toAccessibleGroup), (group) => [group.owner.name, group.name]);
}

export function getAccessibleGroup(db: Db, organisationId: string, groupId: string): AccessibleGroup | undefined {
  const row = prepared(db, `${SELECT_ACCESSIBLE} WHERE gr.vendor_id = ? AND gr.group_id = ?`).get(organisationId, groupId) as AccessibleRow | undefined;
  return row && toAccessibleGroup(row);
}

/** For the sync feed: the organisation's accessible groups with these ids, in one statement. */
export function getAccessibleGroups(db: Db, organisationId: string, groupIds: readonly string[]): AccessibleGroup[] {
  const rows = prepared(db, `${SELECT_ACCESSIBLE} WHERE gr.vendor_id = ? AND ${inIdList('gr.group_id')}`).all(organisationId, idList(groupIds)) as AccessibleRow[];
  return rows.map(toAccessibleGroup);
}
