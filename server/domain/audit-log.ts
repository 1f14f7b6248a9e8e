import type { Db } from '../db/database';
import { idList, inIdList } from '../db/id-list';
import { prepared } from '../db/prepared';
import { nextVersion } from '../db/versions';
import type { Actor } from './actor';
import { auditObjectNames, type AuditObjectNames } from './audit-object-names';

export interface AuditEvent {
  id: number;
  version: number;
  at: string;
  actor: { id: string; username: string };
  action: string;
  objectType: string;
  objectId: string;
  /** Absent on events written before names were kept. */
  objectNames?: AuditObjectNames;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface AuditEntry {
  actor: Actor;
  action: string;
  objectType: string;
  objectId: string;
  before?: object | null;
  after?: object | null;
  at: string;
}

// Snapshots are built from API shapes, which carry no secrets; this is the second line of defence in
// case a row ever reaches the log directly.
const SECRET_KEY = /secret|password|otp_?hash|otpauth|one_?time_?password|token/i;

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).filter(([key]) => !SECRET_KEY.test(key)).map(([key, inner]) => [key, withoutSecrets(inner)]),
  );
}

const toJson = (snapshot: object | null | undefined): string | null => (snapshot ? JSON.stringify(withoutSecrets(snapshot)) : null);

/** The names as stored: `null` when there are none. */
export function objectNamesJson(names: AuditObjectNames): string | null {
  return Object.keys(names).length > 0 ? JSON.stringify(names) : null;
}

/**
 * Call inside the transaction that makes the change, so the change and its record commit together.
 * The object's names are looked up here, at the time of the change, for every writer alike.
 */
export function writeAuditEvent(db: Db, entry: AuditEntry): number {
  const version = nextVersion(db);
  const names = auditObjectNames(db, { ...entry, organisationId: entry.actor.organisationId });
  prepared(db, 
    `INSERT INTO audit_events (organisation_id, actor_id, actor_name, action, object_type, object_id, object_names_json, before_json, after_json, at, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    entry.actor.organisationId,
    entry.actor.id,
    entry.actor.username,
    entry.action,
    entry.objectType,
    entry.objectId,
    objectNamesJson(names),
    toJson(entry.before),
    toJson(entry.after),
    entry.at,
    version,
  );
  return version;
}

interface AuditRow {
  id: number;
  actor_id: string;
  actor_name: string;
  action: string;
  object_type: string;
  object_id: string;
  object_names_json: string | null;
  before_json: string | null;
  after_json: string | null;
  at: string;
  version: number;
}

function toAuditEvent(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    version: row.version,
    at: row.at,
    actor: { id: row.actor_id, username: row.actor_name },
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    ...(row.object_names_json === null ? {} : { objectNames: JSON.parse(row.object_names_json) as AuditObjectNames }),
    before: row.before_json === null ? null : (JSON.parse(row.before_json) as Record<string, unknown>),
    after: row.after_json === null ? null : (JSON.parse(row.after_json) as Record<string, unknown>),
  };
}

/** The organisation's events after `sinceId`, oldest first, so a reader can page forward. */
export function listAuditEvents(db: Db, organisationId: string, sinceId: number, limit: number): AuditEvent[] {
  const rows = db
    .prepare('SELECT * FROM audit_events WHERE organisation_id = ? AND id > ? ORDER BY id LIMIT ?')
    .all(organisationId, sinceId, limit) as AuditRow[];
  return rows.map(toAuditEvent);
}

export function getAuditEvent(db: Db, id: number): AuditEvent | undefined {
  const row = prepared(db, 'SELECT * FROM audit_events WHERE id = ?').get(id) as AuditRow | undefined;
  return row && toAuditEvent(row);
}

/** For the sync feed: the events with these ids, in one statement. */
export function getAuditEvents(db: Db, ids: readonly number[]): AuditEvent[] {
  const rows = prepared(db, `SELECT * FROM audit_events WHERE ${inIdList('id')}`).all(idList(ids)) as AuditRow[];
  return rows.map(toAuditEvent);
}
