import { randomUUID } from 'node:crypto';
import {
  checkMachineGroupName,
  machineGroupFullName,
  machineGroupNameKey,
} from '../../common/validation/machine-group-name';
import { engineObjectStatus, type EngineObjectStatus, type EngineState } from '../engine/engine-object-status';
import { sortByNames } from '../../common/sorting/name-collation';
import type { Db } from '../db/database';
import { idList, inIdList } from '../db/id-list';
import { prepared } from '../db/prepared';
import { nextVersion } from '../db/versions';
import { Problem } from '../http/problem';
import type { Actor } from './actor';
import { writeAuditEvent } from './audit-log';
import { requireOrganisation } from './organisation-repository';

/** Every organisation gets this group when it activates remote support (the guide, chapter 2). */
export const DEFAULT_MACHINE_GROUP_NAME = 'Maskiner';

export interface MachineGroup {
  id: string;
  name: string;
  /** `prefix-name`, as vendors see it. */
  fullName: string;
  /** pending until the systems behind the service have picked the group up (the guide: up to an hour). */
  syncState: 'pending' | 'ready';
  readyAt: string;
  createdAt: string;
  createdBy: string;
  /** The group activation made ("Maskiner"): it may be renamed but not deleted. */
  isDefault: boolean;
  /** Whether the remote-support system has the group (its device group, for MeshCentral). */
  engineStatus: EngineObjectStatus;
  version: number;
}

interface MachineGroupRow {
  id: string;
  organisation_id: string;
  name: string;
  name_key: string;
  sync_state: 'pending' | 'ready';
  ready_at: string;
  created_at: string;
  created_by: string;
  is_default: 0 | 1;
  engine_state: EngineState;
  engine_reason: string | null;
  version: number;
  prefix: string;
}

const SELECT_GROUP = `SELECT g.*, o.prefix FROM machine_groups g JOIN organisations o ON o.id = g.organisation_id`;

function toMachineGroup(row: MachineGroupRow): MachineGroup {
  return {
    id: row.id,
    name: row.name,
    fullName: machineGroupFullName(row.prefix, row.name),
    syncState: row.sync_state,
    readyAt: row.ready_at,
    createdAt: row.created_at,
    createdBy: row.created_by,
    isDefault: row.is_default === 1,
    engineStatus: engineObjectStatus(row),
    version: row.version,
  };
}

/** In Norwegian name order (sorted here: SQLite's order is by code point). */
export function listMachineGroups(db: Db, organisationId: string): MachineGroup[] {
  const rows = prepared(db, `${SELECT_GROUP} WHERE g.organisation_id = ? ORDER BY g.id`).all(organisationId) as MachineGroupRow[];
  return sortByNames(rows.map(toMachineGroup), (group) => [group.name]);
}

/** Another organisation's group is as absent as a group that does not exist. */
export function findMachineGroup(db: Db, organisationId: string, id: string): MachineGroup | undefined {
  const row = prepared(db, `${SELECT_GROUP} WHERE g.id = ? AND g.organisation_id = ?`).get(id, organisationId) as MachineGroupRow | undefined;
  return row && toMachineGroup(row);
}

export function requireMachineGroup(db: Db, organisationId: string, id: string): MachineGroup {
  const group = findMachineGroup(db, organisationId, id);
  if (!group) throw new Problem(404, 'NOT_FOUND', 'Machine group not found');
  return group;
}

/** For the sync feed, which has already scoped the id to the caller's organisation. */
export function getMachineGroupById(db: Db, id: string): MachineGroup | undefined {
  const row = prepared(db, `${SELECT_GROUP} WHERE g.id = ?`).get(id) as MachineGroupRow | undefined;
  return row && toMachineGroup(row);
}

/** For the sync feed: the groups with these ids, in one statement. */
export function getMachineGroupsById(db: Db, ids: readonly string[]): MachineGroup[] {
  const rows = prepared(db, `${SELECT_GROUP} WHERE ${inIdList('g.id')}`).all(idList(ids)) as MachineGroupRow[];
  return rows.map(toMachineGroup);
}

/** The organisation's default group, if it has one (every organisation gets it at activation). */
export function findDefaultMachineGroup(db: Db, organisationId: string): MachineGroup | undefined {
  const row = prepared(db, `${SELECT_GROUP} WHERE g.organisation_id = ? AND g.is_default = 1`).get(organisationId) as MachineGroupRow | undefined;
  return row && toMachineGroup(row);
}

/** Inserts a group whose name is already valid and free, with its audit event. Call inside a transaction. */
export function createMachineGroupRow(db: Db, actor: Actor, name: string, now: Date, readyAt: string, isDefault = false): MachineGroup {
  const id = randomUUID();
  const at = now.toISOString();
  prepared(db, 
    `INSERT INTO machine_groups (id, organisation_id, name, name_key, sync_state, ready_at, created_at, created_by, version, is_default)
     VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?)`,
  ).run(id, actor.organisationId, name, machineGroupNameKey(name), readyAt, at, actor.username, nextVersion(db), isDefault ? 1 : 0);
  const group = findMachineGroup(db, actor.organisationId, id)!;
  writeAuditEvent(db, { actor, action: 'machineGroup.created', objectType: 'machineGroup', objectId: id, before: null, after: group, at });
  return group;
}

/**
 * A new name for a group of the organisation: the shared rules (422 on `name`), and unique by its key
 * among the organisation's other groups (409 NAME_TAKEN on `name`). `exceptId` is the group being renamed,
 * whose own name is not taken from it. Call inside the transaction that writes the name.
 */
export function requireUsableGroupName(db: Db, organisationId: string, rawName: string, exceptId?: string): string {
  const { prefix } = requireOrganisation(db, organisationId);
  const checked = checkMachineGroupName(rawName, prefix);
  if (!checked.ok) {
    throw new Problem(422, checked.code, checked.message, [{ field: 'name', code: checked.code, message: checked.message }]);
  }
  const taken = prepared(db, 'SELECT name FROM machine_groups WHERE organisation_id = ? AND name_key = ? AND id IS NOT ?')
    .pluck()
    .get(organisationId, machineGroupNameKey(checked.value), exceptId ?? null) as string | undefined;
  if (taken !== undefined) {
    const message = `The organisation already has a machine group named "${taken}"`;
    throw new Problem(409, 'NAME_TAKEN', message, [{ field: 'name', code: 'NAME_TAKEN', message }]);
  }
  return checked.value;
}

export function createMachineGroup(db: Db, actor: Actor, rawName: string, now: Date, syncDelayMs: number): MachineGroup {
  return db.transaction(() => {
    const name = requireUsableGroupName(db, actor.organisationId, rawName);
    const readyAt = new Date(now.getTime() + syncDelayMs).toISOString();
    return createMachineGroupRow(db, actor, name, now, readyAt);
  })();
}
