import type { AuditEvent } from '../portal/portal-types';

export type AuditObjectNames = NonNullable<AuditEvent['objectNames']>;

/**
 * Names the log already knows, by object id: from the names the portal recorded with each event and
 * from the events' snapshots. It names objects in events written before the portal kept names (a
 * grant's snapshot has the vendor's name but only the group's id; the group's own events have its name).
 */
export interface AuditNameIndex {
  groups: ReadonlyMap<string, string>;
  users: ReadonlyMap<string, { user?: string; person?: string }>;
  reviews: ReadonlyMap<string, string>;
}

type Snapshot = Record<string, unknown>;

const record = (value: unknown): Snapshot | undefined => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Snapshot) : undefined);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function groupIdOf(grantId: string): string | undefined {
  const split = grantId.indexOf(':');
  return split > 0 ? grantId.slice(0, split) : undefined;
}

/** What the event's own snapshots say about its object's names. */
function snapshotNames(event: AuditEvent): AuditObjectNames {
  const snapshot = record(event.after) ?? record(event.before);
  if (!snapshot) return {};
  const names: AuditObjectNames = {};
  const put = (key: keyof AuditObjectNames, value: string | undefined) => {
    if (value) names[key] = value;
  };
  switch (event.objectType) {
    case 'machineGroup':
      put('group', text(snapshot.fullName));
      break;
    case 'grant':
      put('vendor', text(record(snapshot.vendor)?.name));
      put('review', text(snapshot.reviewName));
      break;
    case 'user': {
      put('user', text(snapshot.username));
      const person = [text(snapshot.firstName), text(snapshot.lastName)].filter(Boolean).join(' ');
      put('person', person || undefined);
      break;
    }
    case 'access_review':
      put('review', text(snapshot.name));
      break;
  }
  return names;
}

/** The names an event's object has: recorded with it (as they were then) first, then its snapshots, then `known`. */
export function auditObjectNames(event: AuditEvent, known?: AuditNameIndex): AuditObjectNames {
  const names: AuditObjectNames = { ...snapshotNames(event), ...event.objectNames };
  if (!known) return names;
  switch (event.objectType) {
    case 'grant': {
      const groupId = groupIdOf(event.objectId);
      names.group ??= groupId === undefined ? undefined : known.groups.get(groupId);
      break;
    }
    case 'machineGroup':
      names.group ??= known.groups.get(event.objectId);
      break;
    case 'user':
      names.user ??= known.users.get(event.objectId)?.user;
      names.person ??= known.users.get(event.objectId)?.person;
      break;
    case 'access_review':
      names.review ??= known.reviews.get(event.objectId);
      break;
  }
  for (const key of Object.keys(names) as Array<keyof AuditObjectNames>) if (names[key] === undefined) delete names[key];
  return names;
}

/** Builds the index from a list of events; later events win, so an object is known by its latest name. */
export function auditNameIndex(events: readonly AuditEvent[]): AuditNameIndex {
  const groups = new Map<string, string>();
  const users = new Map<string, { user?: string; person?: string }>();
  const reviews = new Map<string, string>();
  const ordered = [...events].sort((a, b) => a.id - b.id);
  for (const event of ordered) {
    const names = auditObjectNames(event);
    if (event.objectType === 'machineGroup' && names.group) groups.set(event.objectId, names.group);
    if (event.objectType === 'grant' && names.group) {
      const groupId = groupIdOf(event.objectId);
      if (groupId) groups.set(groupId, names.group);
    }
    if (event.objectType === 'user' && (names.user || names.person)) {
      users.set(event.objectId, { ...users.get(event.objectId), ...(names.user && { user: names.user }), ...(names.person && { person: names.person }) });
    }
    if (event.objectType === 'access_review' && names.review) reviews.set(event.objectId, names.review);
    if (event.objectType === 'grant' && names.review) {
      const reviewId = text(record(event.after)?.reviewId);
      if (reviewId) reviews.set(reviewId, names.review);
    }
  }
  return { groups, users, reviews };
}
