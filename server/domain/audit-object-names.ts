import { machineGroupFullName } from '../../common/validation/machine-group-name';
import type { Db } from '../db/database';
import { prepared } from '../db/prepared';

/**
 * What an audit event's object was called when the event was written, kept with the event so the log
 * reads the same after the object is renamed or gone. Each key says what kind of name it holds; an
 * event has the ones that fit its object (a grant: group and vendor; a review decision also review).
 */
export interface AuditObjectNames {
  /** The machine group's full name, as vendors see it. */
  group?: string;
  vendor?: string;
  /** A user's username… */
  user?: string;
  /** …and first and last name. */
  person?: string;
  review?: string;
  /** The organisation whose remote-support service the event is about. */
  organisation?: string;
}

export interface AuditObjectRef {
  organisationId: string;
  objectType: string;
  objectId: string;
  before?: object | null;
  after?: object | null;
}

type Snapshot = Record<string, unknown>;

const record = (value: unknown): Snapshot | undefined => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Snapshot) : undefined);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * The names of an event's object, from the snapshot the event carries first (it is what the change
 * saw, and the only source once the row is deleted), then from the database inside the same
 * transaction. Every writer of audit events goes through this, so a new kind of event on a known object
 * type is named without any change here; an unknown object type gets no names.
 */
export function auditObjectNames(db: Db, ref: AuditObjectRef): AuditObjectNames {
  const snapshot = record(ref.after) ?? record(ref.before);
  switch (ref.objectType) {
    case 'machineGroup':
      return compact({ group: text(snapshot?.fullName) ?? groupFullName(db, ref.objectId) });
    case 'grant': {
      // A grant's id is <groupId>:<vendorId>; a group id never holds a colon.
      const split = ref.objectId.indexOf(':');
      const groupId = text(snapshot?.groupId) ?? (split > 0 ? ref.objectId.slice(0, split) : undefined);
      const vendorId = text(record(snapshot?.vendor)?.id) ?? (split > 0 ? ref.objectId.slice(split + 1) : undefined);
      return compact({
        group: groupId && groupFullName(db, groupId),
        vendor: text(record(snapshot?.vendor)?.name) ?? (vendorId && organisationName(db, vendorId)),
        review: text(snapshot?.reviewName),
      });
    }
    case 'user': {
      const row = userNames(db, ref.objectId);
      const username = text(snapshot?.username) ?? row?.username;
      const first = text(snapshot?.firstName) ?? row?.first_name;
      const last = text(snapshot?.lastName) ?? row?.last_name;
      return compact({ user: username, person: [first, last].filter(Boolean).join(' ') || undefined });
    }
    case 'service':
      return compact({ organisation: organisationName(db, ref.objectId) });
    case 'access_review':
      return compact({ review: text(snapshot?.name) ?? reviewName(db, ref.organisationId, ref.objectId) });
    default:
      return {};
  }
}

function compact(names: Partial<Record<keyof AuditObjectNames, string | undefined>>): AuditObjectNames {
  return Object.fromEntries(Object.entries(names).filter(([, value]) => value !== undefined && value !== '')) as AuditObjectNames;
}

function groupFullName(db: Db, groupId: string): string | undefined {
  const row = prepared(db, 'SELECT g.name, o.prefix FROM machine_groups g JOIN organisations o ON o.id = g.organisation_id WHERE g.id = ?').get(groupId) as
    | { name: string; prefix: string }
    | undefined;
  return row && machineGroupFullName(row.prefix, row.name);
}

function organisationName(db: Db, id: string): string | undefined {
  return prepared(db, 'SELECT name FROM organisations WHERE id = ?').pluck().get(id) as string | undefined;
}

function userNames(db: Db, id: string): { username: string; first_name: string; last_name: string } | undefined {
  return prepared(db, 'SELECT username, first_name, last_name FROM users WHERE id = ?').get(id) as
    | { username: string; first_name: string; last_name: string }
    | undefined;
}

function reviewName(db: Db, organisationId: string, id: string): string | undefined {
  return prepared(db, 'SELECT name FROM access_reviews WHERE organisation_id = ? AND id = ?').pluck().get(organisationId, id) as string | undefined;
}
