import type { Db } from '../db/database';
import { idList, inIdList } from '../db/id-list';
import { prepared } from '../db/prepared';
import { sortByNames } from '../../common/sorting/name-collation';
import type { EngineConfig } from './engine-config';
import { findingSnapshot, type EngineFinding } from './record-observation';

/** How the portal's remote-support system is doing, for administrators (GET /engine). */
export interface EngineStatus {
  /** `none`: nothing real is driven ("simulert"); grants change nothing in the world. */
  kind: EngineConfig['kind'];
  label: string;
  simulated: boolean;
  /** null until the first reconcile, and always when simulated. */
  reachable: boolean | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  /** Portal changes the engine has not followed yet. */
  pendingChanges: number;
  lastError: { code: string; message: string } | null;
}

export function readEngineStatus(db: Db, config: EngineConfig, label: string): EngineStatus {
  if (config.kind === 'none') {
    return { kind: 'none', label, simulated: true, reachable: null, lastAttemptAt: null, lastSuccessAt: null, pendingChanges: 0, lastError: null };
  }
  const run = prepared(db, 'SELECT * FROM engine_runs WHERE id = 1').get() as {
    last_attempt_at: string | null;
    last_success_at: string | null;
    failures: number;
    last_error_code: string | null;
    last_error: string | null;
  };
  return {
    kind: config.kind,
    label,
    simulated: false,
    reachable: run.last_attempt_at === null ? null : run.failures === 0,
    lastAttemptAt: run.last_attempt_at,
    lastSuccessAt: run.last_success_at,
    pendingChanges: prepared(db, 'SELECT count(*) FROM engine_outbox').pluck().get() as number,
    lastError: run.failures > 0 && run.last_error_code !== null ? { code: run.last_error_code, message: run.last_error ?? '' } : null,
  };
}

/** A machine in one of the organisation's groups, as the engine last reported it. */
export interface GroupDevice {
  id: string;
  groupId: string;
  name: string;
  os: string | null;
  online: boolean;
  lastSeenAt: string | null;
  version: number;
}

interface DeviceRow {
  engine_id: string;
  organisation_id: string;
  group_id: string;
  name: string;
  os: string | null;
  online: number;
  last_seen_at: string | null;
  version: number;
}

function toDevice(row: DeviceRow): GroupDevice {
  return { id: row.engine_id, groupId: row.group_id, name: row.name, os: row.os, online: row.online === 1, lastSeenAt: row.last_seen_at, version: row.version };
}

export function listGroupDevices(db: Db, organisationId: string, groupId: string): GroupDevice[] {
  const rows = prepared(db, 'SELECT * FROM engine_devices WHERE organisation_id = ? AND group_id = ? ORDER BY engine_id').all(organisationId, groupId) as DeviceRow[];
  return sortByNames(rows.map(toDevice), (device) => [device.name]);
}

/** For the sync feed, which has already scoped the id to the caller's organisation. */
export function getDevice(db: Db, engineId: string): GroupDevice | undefined {
  const row = prepared(db, 'SELECT * FROM engine_devices WHERE engine_id = ?').get(engineId) as DeviceRow | undefined;
  return row && toDevice(row);
}

/** For the sync feed: the machines with these engine ids, in one statement. */
export function getDevices(db: Db, engineIds: readonly string[]): GroupDevice[] {
  const rows = prepared(db, `SELECT * FROM engine_devices WHERE ${inIdList('engine_id')}`).all(idList(engineIds)) as DeviceRow[];
  return rows.map(toDevice);
}

export function listEngineFindings(db: Db, organisationId: string): EngineFinding[] {
  const ids = prepared(db, 'SELECT id FROM engine_findings WHERE organisation_id = ? ORDER BY found_at, id').pluck().all(organisationId) as string[];
  return ids.map((id) => findingSnapshot(db, id)!);
}

/** The finding with the engine's id of its subject, which only the portal uses (to remove the link). */
export function findEngineFinding(db: Db, organisationId: string, id: string): (EngineFinding & { subjectId: string }) | undefined {
  const row = prepared(db, 'SELECT subject_id FROM engine_findings WHERE organisation_id = ? AND id = ?').get(organisationId, id) as { subject_id: string } | undefined;
  const finding = row && findingSnapshot(db, id);
  return finding ? { ...finding, subjectId: row.subject_id } : undefined;
}
