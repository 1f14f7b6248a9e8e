import type { Db } from '../db/database';
import { idList, inIdList } from '../db/id-list';
import { prepared } from '../db/prepared';
import type { SessionKind } from './remote-support-engine';

export type RemoteSessionConsent = 'notNeeded' | 'asked' | 'given' | 'refused';

/** A remote-support session as the API and the sync feed show it (the RemoteSession schema). */
export interface RemoteSession {
  id: string;
  ownerId: string;
  groupId: string;
  groupName: string;
  deviceId: string;
  deviceName: string;
  userId: string | null;
  username: string;
  vendorId: string | null;
  vendorName: string | null;
  kind: SessionKind;
  consent: RemoteSessionConsent;
  startedAt: string;
  endedAt: string | null;
  version: number;
}

export interface RemoteSessionRow {
  id: string;
  engine_key: string;
  organisation_id: string;
  group_id: string;
  group_name: string;
  device_id: string;
  device_name: string;
  user_id: string | null;
  username: string;
  vendor_id: string | null;
  vendor_name: string | null;
  kind: SessionKind;
  consent: RemoteSessionConsent;
  started_at: string;
  ended_at: string | null;
  version: number;
}

export function toRemoteSession(row: RemoteSessionRow): RemoteSession {
  return {
    id: row.id,
    ownerId: row.organisation_id,
    groupId: row.group_id,
    groupName: row.group_name,
    deviceId: row.device_id,
    deviceName: row.device_name,
    userId: row.user_id,
    username: row.username,
    vendorId: row.vendor_id,
    vendorName: row.vendor_name,
    kind: row.kind,
    consent: row.consent,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    version: row.version,
  };
}

/** For the sync feed, which has already scoped the id to the caller's organisation (owner or vendor). */
export function getRemoteSession(db: Db, id: string): RemoteSession | undefined {
  const row = prepared(db, 'SELECT * FROM remote_sessions WHERE id = ?').get(id) as RemoteSessionRow | undefined;
  return row && toRemoteSession(row);
}

/** For the sync feed: the sessions with these ids, in one statement. */
export function getRemoteSessions(db: Db, ids: readonly string[]): RemoteSession[] {
  const rows = prepared(db, `SELECT * FROM remote_sessions WHERE ${inIdList('id')}`).all(idList(ids)) as RemoteSessionRow[];
  return rows.map(toRemoteSession);
}

export interface RemoteSessionFilter {
  groupId?: string | undefined;
  vendorId?: string | undefined;
  userId?: string | undefined;
  kind?: SessionKind | undefined;
  /** Sessions that started at or after this instant (RFC 3339, normalised to UTC). */
  from?: string | undefined;
  /** Sessions that started before this instant. */
  to?: string | undefined;
  /** The (startedAt, id) of the last session of the previous page. */
  after?: { startedAt: string; id: string } | undefined;
  limit: number;
}

/**
 * Who sees a session: the organisation that owns its group, and the vendor organisation of the technician who
 * connected (accountable for its own technicians). Two branches, each a range of its own index (owner:
 * remote_sessions_by_start; vendor: remote_sessions_of_vendor_by_start), so a page costs its own rows whatever
 * the other organisations hold; the vendor branch leaves out the owner's own rows (its own user on its own
 * group, access outside the portal), so such a session comes once. Every filter is bound, absent ones as NULL.
 * Without a cursor the bound is ('', ''): below every (started_at, id), and still a seekable range.
 */
const SESSION_FILTERS = `
       AND (@groupId IS NULL OR group_id = @groupId)
       AND (@vendorId IS NULL OR vendor_id = @vendorId)
       AND (@userId IS NULL OR user_id = @userId)
       AND (@kind IS NULL OR kind = @kind)
       AND (@from IS NULL OR started_at >= @from)
       AND (@to IS NULL OR started_at < @to)
       AND (started_at, id) > (@afterStart, @afterId)
     ORDER BY started_at, id LIMIT @limit`;

const LIST_SQL = `
  SELECT * FROM (
    SELECT * FROM (SELECT * FROM remote_sessions WHERE organisation_id = @org ${SESSION_FILTERS})
    UNION ALL
    SELECT * FROM (SELECT * FROM remote_sessions WHERE vendor_id = @org AND organisation_id <> @org ${SESSION_FILTERS})
  ) ORDER BY started_at, id LIMIT @limit`;

/** The organisation's sessions (on its groups, and its technicians' on others') in start order, then id: one page. */
export function listRemoteSessions(db: Db, organisationId: string, filter: RemoteSessionFilter): RemoteSession[] {
  const rows = prepared(db, LIST_SQL).all({
    org: organisationId,
    groupId: filter.groupId ?? null,
    vendorId: filter.vendorId ?? null,
    userId: filter.userId ?? null,
    kind: filter.kind ?? null,
    from: filter.from ?? null,
    to: filter.to ?? null,
    afterStart: filter.after?.startedAt ?? '',
    afterId: filter.after?.id ?? '',
    limit: filter.limit,
  }) as RemoteSessionRow[];
  return rows.map(toRemoteSession);
}

/** Where the next page starts: the session `id` if the organisation sees it (owner or vendor), else undefined. */
export function sessionCursor(db: Db, organisationId: string, id: string): { startedAt: string; id: string } | undefined {
  const startedAt = prepared(db, 'SELECT started_at FROM remote_sessions WHERE id = @id AND (organisation_id = @org OR vendor_id = @org)')
    .pluck()
    .get({ id, org: organisationId }) as string | undefined;
  return startedAt === undefined ? undefined : { startedAt, id };
}
