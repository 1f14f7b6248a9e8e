import { createHash } from 'node:crypto';
import type { Db } from '../db/database';
import { idList, inIdList } from '../db/id-list';
import { prepared } from '../db/prepared';
import { nextVersion } from '../db/versions';
import { systemActor } from '../domain/actor';
import { writeAuditEvent } from '../domain/audit-log';
import { getMachineGroupById } from '../domain/machine-group-repository';
import { getRemoteSupportService, serviceSnapshot } from '../domain/remote-support-service';
import { writeTombstone } from '../domain/tombstones';
import type { EngineState } from './engine-object-status';
import { accessKey, accessMatches, accountKey, groupKey } from './reconcile-plan';
import type { DesiredState, ForeignAccess, ObservedEngine } from './remote-support-engine';

/** Refusals by the engine in the pass just made, by action key (reconcile-plan.ts), in the engine's words. */
export type Refusals = ReadonlyMap<string, string>;

/**
 * Writes what the engine was seen to hold after a reconcile, in one transaction: each object's engine state
 * (a changed state gets a new version, so the sync feed carries it), groups becoming ready and services
 * active the first time the engine holds them (audited once: the update is conditional), the devices of each
 * group, and drift findings (a new one audited once when found, and once when it is gone).
 */
export function recordObservation(db: Db, desired: DesiredState, observed: ObservedEngine, refusals: Refusals, now: Date): void {
  const at = now.toISOString();
  const groups = new Map(observed.groups.map((group) => [group.groupId, group]));
  const accounts = new Set(observed.accounts.map((account) => account.userId));
  const accesses = new Map(observed.accesses.map((access) => [accessKey(access.groupId, access.vendorId), access]));
  const stateOf = (key: string, held: boolean): [EngineState, string | null] => {
    const refusal = refusals.get(key);
    if (held) return ['active', null];
    return refusal === undefined ? ['pending', null] : ['failed', refusal];
  };

  db.transaction(() => {
    for (const group of desired.groups) {
      const [state, reason] = stateOf(groupKey(group.groupId), groups.get(group.groupId)?.name === group.fullName);
      setState(db, 'machine_groups', 'id = ?', [group.groupId], state, reason);
      if (state === 'active') markGroupReady(db, group.groupId, group.organisationId, at);
    }
    for (const account of desired.accounts) {
      const [state, reason] = stateOf(accountKey(account.userId), accounts.has(account.userId));
      setState(db, 'users', 'id = ?', [account.userId], state, reason);
    }
    for (const access of desired.accesses) {
      const key = accessKey(access.groupId, access.vendorId);
      const existing = accesses.get(key);
      const [state, reason] = stateOf(key, existing !== undefined && accessMatches(access, existing));
      setState(db, 'grants', 'group_id = ? AND vendor_id = ?', [access.groupId, access.vendorId], state, reason);
    }
    markServicesActive(db, at);
    recordDevices(db, observed, at);
    recordFindings(db, observed.foreign, at);
  })();
}

function setState(db: Db, table: 'machine_groups' | 'grants' | 'users', where: string, keys: string[], state: EngineState, reason: string | null): void {
  const current = prepared(db, `SELECT engine_state, engine_reason FROM ${table} WHERE ${where}`).get(...keys) as
    | { engine_state: EngineState; engine_reason: string | null }
    | undefined;
  if (!current || (current.engine_state === state && current.engine_reason === reason)) return;
  prepared(db, `UPDATE ${table} SET engine_state = ?, engine_reason = ?, version = ? WHERE ${where}`).run(state, reason, nextVersion(db), ...keys);
}

/** The guide's "the group is ready" now means: the engine has its device group. */
function markGroupReady(db: Db, groupId: string, organisationId: string, at: string): void {
  const before = getMachineGroupById(db, groupId);
  const changed = prepared(db, `UPDATE machine_groups SET sync_state = 'ready', ready_at = ?, version = ? WHERE id = ? AND sync_state = 'pending'`).run(
    at,
    nextVersion(db),
    groupId,
  ).changes;
  if (changed === 0 || !before) return;
  writeAuditEvent(db, {
    actor: systemActor(organisationId),
    action: 'machineGroup.ready',
    objectType: 'machineGroup',
    objectId: groupId,
    before,
    after: getMachineGroupById(db, groupId) ?? null,
    at,
  });
}

/** Activation is finished when the engine holds every group of the organisation (at first: "Maskiner"). */
function markServicesActive(db: Db, at: string): void {
  const ready = prepared(db,
    `SELECT o.id FROM organisations o WHERE o.service_status = 'activating'
       AND NOT EXISTS (SELECT 1 FROM machine_groups g WHERE g.organisation_id = o.id AND g.engine_state <> 'active')`,
  ).pluck().all() as string[];
  for (const organisationId of ready) {
    const before = getRemoteSupportService(db, organisationId);
    const changed = prepared(db, `UPDATE organisations SET service_status = 'active', ready_at = ?, version = ? WHERE id = ? AND service_status = 'activating'`).run(
      at,
      nextVersion(db),
      organisationId,
    ).changes;
    if (changed === 0) continue;
    writeAuditEvent(db, {
      actor: systemActor(organisationId),
      action: 'service.activated',
      objectType: 'service',
      objectId: organisationId,
      before: serviceSnapshot(before),
      after: serviceSnapshot(getRemoteSupportService(db, organisationId)),
      at,
    });
  }
}

interface DeviceRow {
  engine_id: string;
  organisation_id: string;
  group_id: string;
  name: string;
  os: string | null;
  online: number;
  last_seen_at: string | null;
}

function recordDevices(db: Db, observed: ObservedEngine, at: string): void {
  const owners = new Map(
    (prepared(db, 'SELECT id, organisation_id FROM machine_groups').all() as Array<{ id: string; organisation_id: string }>).map((row) => [row.id, row.organisation_id]),
  );
  const stored = new Map((prepared(db, 'SELECT * FROM engine_devices').all() as DeviceRow[]).map((row) => [row.engine_id, row]));
  const seen = new Set<string>();
  for (const device of observed.devices) {
    const organisationId = owners.get(device.groupId);
    if (organisationId === undefined) continue;
    seen.add(device.engineId);
    const row: DeviceRow = {
      engine_id: device.engineId,
      organisation_id: organisationId,
      group_id: device.groupId,
      name: device.name,
      os: device.os,
      online: device.online ? 1 : 0,
      last_seen_at: device.lastSeenAt,
    };
    const before = stored.get(device.engineId);
    if (before && sameDevice(before, row)) continue;
    if (before && before.organisation_id !== organisationId) writeTombstone(db, 'device', before.engine_id, before.organisation_id, at);
    prepared(db,
      `INSERT INTO engine_devices (engine_id, organisation_id, group_id, name, os, online, last_seen_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (engine_id) DO UPDATE SET organisation_id = excluded.organisation_id, group_id = excluded.group_id, name = excluded.name,
         os = excluded.os, online = excluded.online, last_seen_at = excluded.last_seen_at, version = excluded.version`,
    ).run(row.engine_id, row.organisation_id, row.group_id, row.name, row.os, row.online, row.last_seen_at, nextVersion(db));
  }
  for (const [engineId, row] of stored) {
    if (seen.has(engineId)) continue;
    prepared(db, 'DELETE FROM engine_devices WHERE engine_id = ?').run(engineId);
    writeTombstone(db, 'device', engineId, row.organisation_id, at);
  }
}

function sameDevice(a: DeviceRow, b: DeviceRow): boolean {
  return a.organisation_id === b.organisation_id && a.group_id === b.group_id && a.name === b.name && a.os === b.os && a.online === b.online && a.last_seen_at === b.last_seen_at;
}

/** A stable id for a hand-made link: the same link observed again is the same finding. */
export function findingId(groupId: string, subjectId: string): string {
  return createHash('sha256').update(`${groupId}\n${subjectId}`).digest('base64url').slice(0, 22);
}

interface FindingRow {
  id: string;
  organisation_id: string;
  group_id: string;
  subject_id: string;
  subject_kind: 'user' | 'userGroup';
  subject_name: string;
  consent_required: number;
  found_at: string;
}

function recordFindings(db: Db, foreign: readonly ForeignAccess[], at: string): void {
  const owners = new Map(
    (prepared(db, 'SELECT id, organisation_id FROM machine_groups').all() as Array<{ id: string; organisation_id: string }>).map((row) => [row.id, row.organisation_id]),
  );
  const stored = new Map((prepared(db, 'SELECT * FROM engine_findings').all() as FindingRow[]).map((row) => [row.id, row]));
  const seen = new Set<string>();
  for (const link of foreign) {
    const organisationId = owners.get(link.groupId);
    if (organisationId === undefined) continue;
    const id = findingId(link.groupId, link.subjectId);
    seen.add(id);
    const before = stored.get(id);
    const consent = link.consentRequired ? 1 : 0;
    if (before && before.subject_name === link.subjectName && before.consent_required === consent) continue;
    prepared(db,
      `INSERT INTO engine_findings (id, organisation_id, group_id, subject_id, subject_kind, subject_name, consent_required, found_at, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET subject_name = excluded.subject_name, consent_required = excluded.consent_required, version = excluded.version`,
    ).run(id, organisationId, link.groupId, link.subjectId, link.subjectKind, link.subjectName, consent, before?.found_at ?? at, nextVersion(db));
    if (!before) {
      writeAuditEvent(db, {
        actor: systemActor(organisationId),
        action: 'engineFinding.found',
        objectType: 'engineFinding',
        objectId: id,
        after: findingSnapshot(db, id),
        at,
      });
    }
  }
  for (const [id, row] of stored) {
    if (seen.has(id)) continue;
    const before = findingSnapshot(db, id);
    prepared(db, 'DELETE FROM engine_findings WHERE id = ?').run(id);
    writeTombstone(db, 'engineFinding', id, row.organisation_id, at);
    writeAuditEvent(db, { actor: systemActor(row.organisation_id), action: 'engineFinding.gone', objectType: 'engineFinding', objectId: id, before, at });
  }
}

export interface EngineFinding {
  id: string;
  groupId: string;
  subjectKind: 'user' | 'userGroup';
  subjectName: string;
  consentRequired: boolean;
  foundAt: string;
  version: number;
}

function toFinding(row: FindingRow & { version: number }): EngineFinding {
  return {
    id: row.id,
    groupId: row.group_id,
    subjectKind: row.subject_kind,
    subjectName: row.subject_name,
    consentRequired: row.consent_required === 1,
    foundAt: row.found_at,
    version: row.version,
  };
}

export function findingSnapshot(db: Db, id: string): EngineFinding | null {
  const row = prepared(db, 'SELECT * FROM engine_findings WHERE id = ?').get(id) as (FindingRow & { version: number }) | undefined;
  return row ? toFinding(row) : null;
}

/** For the sync feed: the findings with these ids, in one statement. */
export function findingSnapshots(db: Db, ids: readonly string[]): EngineFinding[] {
  const rows = prepared(db, `SELECT * FROM engine_findings WHERE ${inIdList('id')}`).all(idList(ids)) as Array<FindingRow & { version: number }>;
  return rows.map(toFinding);
}
