import { byNames } from '../../common/sorting/name-collation';
import { foldForSearch } from '../../common/validation/search-fold';
import type {
  AccessibleGroup,
  AuditEvent,
  EngineFinding,
  Grant,
  GroupDevice,
  MachineGroup,
  RemoteSession,
  RemoteSupportService,
  User,
  Vendor,
} from '../../common/portal/portal-types';
import type { CacheDb } from './cache-database';
import { entityTable, type EntityTable } from './entity-table';
import { storedInstant } from './stored-instant';

/** The repositories of one profile's cache, one per entity the portal syncs. */
export interface CacheRepositories {
  service: EntityTable<RemoteSupportService & { id: string }>;
  vendors: EntityTable<Vendor>;
  machineGroups: EntityTable<MachineGroup>;
  grants: EntityTable<Grant>;
  accessibleGroups: EntityTable<AccessibleGroup>;
  users: EntityTable<User>;
  auditEvents: EntityTable<AuditEvent>;
  /** The machines the remote-support system has in each group. */
  devices: EntityTable<GroupDevice>;
  /** Access in the remote-support system that was not given through the portal (drift). */
  engineFindings: EntityTable<EngineFinding>;
  /** Remote-support sessions on the organisation's groups: the evidence of use (read through remote-session-query.ts and grant-usage.ts). */
  remoteSessions: EntityTable<RemoteSession>;
}

export function cacheRepositories(db: CacheDb): CacheRepositories {
  return {
    service: entityTable(db, {
      table: 'service',
      columnNames: ['status'],
      idOf: (item: RemoteSupportService & { id: string }) => item.id,
      columns: (item) => ({ status: item.status }),
      order: { sql: 'id' },
    }),
    vendors: entityTable(db, {
      table: 'vendors',
      columnNames: ['name', 'search_key'],
      idOf: (item: Vendor) => item.id,
      columns: (item) => ({ name: item.name, search_key: foldForSearch(item.name) }),
      order: { compare: byNames((vendor) => [vendor.name]), presort: 'search_key, id' },
    }),
    machineGroups: entityTable(db, {
      table: 'machine_groups',
      columnNames: ['name', 'full_name', 'sync_state', 'ready_at'],
      idOf: (item: MachineGroup) => item.id,
      columns: (item) => ({ name: item.name, full_name: item.fullName, sync_state: item.syncState, ready_at: item.readyAt }),
      order: { compare: byNames((group) => [group.name]), presort: 'name, id' },
    }),
    grants: entityTable(db, {
      table: 'grants',
      columnNames: ['group_id', 'vendor_id', 'vendor_name', 'mode', 'granted_at', 'expires_at'],
      idOf: (item: Grant) => item.id,
      columns: (item) => ({
        group_id: item.groupId,
        vendor_id: item.vendor.id,
        vendor_name: item.vendor.name,
        mode: item.mode,
        granted_at: item.grantedAt,
        expires_at: item.expiresAt ?? null,
      }),
      order: { compare: byNames((grant) => [grant.vendor.name]), presort: 'vendor_name, id' },
    }),
    accessibleGroups: entityTable(db, {
      table: 'accessible_groups',
      columnNames: ['owner_id', 'owner_name', 'full_name', 'mode'],
      idOf: (item: AccessibleGroup) => item.id,
      columns: (item) => ({ owner_id: item.owner.id, owner_name: item.owner.name, full_name: item.fullName, mode: item.mode }),
      order: { compare: byNames((group) => [group.owner.name, group.name]), presort: 'owner_name, full_name, id' },
    }),
    users: entityTable(db, {
      table: 'users',
      columnNames: ['username', 'sort_key', 'search_key'],
      idOf: (item: User) => item.id,
      columns: (item) => ({
        username: item.username,
        sort_key: foldForSearch(`${item.lastName} ${item.firstName}`),
        search_key: foldForSearch(`${item.firstName} ${item.lastName} ${item.username} ${item.email}`),
      }),
      order: { compare: byNames((user) => [user.lastName, user.firstName, user.username]), presort: 'sort_key, id' },
    }),
    auditEvents: entityTable(db, {
      table: 'audit_events',
      columnNames: ['at', 'actor', 'action', 'object_type', 'object_id'],
      idOf: (item: AuditEvent) => String(item.id),
      columns: (item) => ({
        at: item.at,
        actor: item.actor.username,
        action: item.action,
        object_type: item.objectType,
        object_id: item.objectId,
      }),
      order: { sql: 'at DESC, id DESC' },
    }),
    devices: entityTable(db, {
      table: 'devices',
      columnNames: ['group_id', 'name'],
      idOf: (item: GroupDevice) => item.id,
      columns: (item) => ({ group_id: item.groupId, name: item.name }),
      order: { compare: byNames((device) => [device.name]), presort: 'name, id' },
    }),
    engineFindings: entityTable(db, {
      table: 'engine_findings',
      columnNames: ['group_id', 'found_at'],
      idOf: (item: EngineFinding) => item.id,
      columns: (item) => ({ group_id: item.groupId, found_at: item.foundAt }),
      // The newest first: what appeared since the last look is what needs attention.
      order: { sql: 'found_at DESC, id' },
    }),
    remoteSessions: entityTable(db, {
      table: 'remote_sessions',
      columnNames: ['group_id', 'vendor_id', 'user_id', 'kind', 'consent', 'started_at', 'ended_at'],
      idOf: (item: RemoteSession) => item.id,
      columns: (item) => ({
        group_id: item.groupId,
        vendor_id: item.vendorId,
        user_id: item.userId,
        kind: item.kind,
        consent: item.consent,
        started_at: storedInstant(item.startedAt),
        ended_at: item.endedAt === null ? null : storedInstant(item.endedAt),
      }),
      // The newest first, as the sessions screen opens.
      order: { sql: 'started_at DESC, id' },
    }),
  };
}
