import type { SessionFilter } from '../../common/contract';
import type { RemoteSession } from '../../common/portal/portal-types';
import { MINUTES_PER_DAY, type ReviewSettings } from '../../common/review/review-settings';
import { sortByNames } from '../../common/sorting/name-collation';
import type { SessionFacets, SessionList, SessionListItem } from '../../common/sessions/remote-session-list';
import { osloWallClockInstant } from '../../common/time/oslo-time';
import type { CacheDb } from './cache-database';
import { OUTSIDE_WORKING_HOURS_SQL, workingPeriodTable } from './working-period-table';

type Bound = Record<string, string | number>;

/**
 * The sessions screen's questions of the cache, each one statement: the filter becomes a WHERE of fixed
 * conditions with bound values (never text from the filter in the SQL), the newest sessions first. A
 * period is whole Oslo calendar days: from the first day's midnight up to the midnight after the last.
 * `organisationId` is the cache's own organisation: a session on a group it does not own is one of its
 * technicians' at another organisation (the portal shows a vendor those too).
 */
export function remoteSessionQuery(db: CacheDb, organisationId: string) {
  const periods = workingPeriodTable(db);
  const span = db.prepare('SELECT MIN(started_at) AS first, MAX(COALESCE(ended_at, started_at)) AS last FROM remote_sessions');

  /** Working hours over every day a cached session touches, and up to now for the open ones. */
  const coverSessions = (settings: ReviewSettings, now: Date) => {
    const { first, last } = span.get() as { first: string | null; last: string | null };
    if (first === null || last === null) return;
    const from = new Date(first);
    const to = new Date(Math.max(Date.parse(last), now.getTime()));
    if (!Number.isNaN(from.getTime()) && !Number.isNaN(to.getTime())) periods.cover(settings, from, to);
  };

  const where = (filter: SessionFilter): { sql: string; params: Bound } => {
    const conditions: string[] = [];
    const params: Bound = {};
    const equal = (column: string, name: keyof SessionFilter, value: string | undefined) => {
      if (value === undefined) return;
      conditions.push(`s.${column} = @${name}`);
      params[name] = value;
    };
    equal('vendor_id', 'vendorId', filter.vendorId);
    equal('group_id', 'groupId', filter.groupId);
    equal('user_id', 'userId', filter.userId);
    equal('kind', 'kind', filter.kind);
    equal('consent', 'consent', filter.consent);
    if (filter.from !== undefined) {
      conditions.push('s.started_at >= @from');
      params['from'] = osloWallClockInstant(filter.from, 0).toISOString();
    }
    if (filter.to !== undefined) {
      const end = osloWallClockInstant(filter.to, MINUTES_PER_DAY);
      // The midnight after 31.12.9999 has no four-digit year to compare as text, and nothing starts that late.
      if (end.getUTCFullYear() <= 9999) {
        conditions.push('s.started_at < @to');
        params['to'] = end.toISOString();
      }
    }
    if (filter.outsideWorkingHours !== undefined) conditions.push(filter.outsideWorkingHours ? OUTSIDE_WORKING_HOURS_SQL('s') : `NOT (${OUTSIDE_WORKING_HOURS_SQL('s')})`);
    if (filter.place !== undefined) {
      // The owner is only in the portal's record: a filter seldom used, so no column of its own.
      conditions.push(`json_extract(s.data, '$.ownerId') ${filter.place === 'ownMachines' ? 'IS' : 'IS NOT'} @organisationId`);
      params['organisationId'] = organisationId;
    }
    return { sql: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
  };

  const rows = (filter: SessionFilter, settings: ReviewSettings, now: Date, limit: number): SessionListItem[] => {
    coverSessions(settings, now);
    const { sql, params } = where(filter);
    const found = db
      .prepare(`SELECT s.data, ${OUTSIDE_WORKING_HOURS_SQL('s')} AS outside FROM remote_sessions s ${sql} ORDER BY s.started_at DESC, s.id LIMIT @limit`)
      .all({ ...params, now: now.toISOString(), limit }) as Array<{ data: string; outside: number }>;
    return found.map((row) => {
      const session = JSON.parse(row.data) as RemoteSession;
      return { ...session, outsideWorkingHours: row.outside === 1, place: session.ownerId === organisationId ? 'ownMachines' : 'atOthers' };
    });
  };

  return {
    /** The newest `limit` sessions the filter lets through, and how many it lets through in all. */
    list(filter: SessionFilter, settings: ReviewSettings, now: Date, limit: number): SessionList {
      const sessions = rows(filter, settings, now, limit);
      const { sql, params } = where(filter);
      const total = db.prepare(`SELECT COUNT(*) FROM remote_sessions s ${sql}`).pluck().get({ ...params, now: now.toISOString() }) as number;
      return { sessions, total, limit };
    },
    /** Every session the filter lets through (an export), the newest first, at most `limit`. */
    all(filter: SessionFilter, settings: ReviewSettings, now: Date, limit: number): SessionListItem[] {
      return rows(filter, settings, now, limit);
    },
    /**
     * The vendors, groups and users that have sessions, each with the name of its newest session (a name
     * can change; the screen offers the current one), in Norwegian order.
     */
    facets(): SessionFacets {
      const newest = (column: string, name: string) =>
        db
          .prepare(
            `SELECT s.${column} AS id, ${name} AS name, json_extract(s.data, '$.vendorName') AS vendor FROM remote_sessions s
             JOIN (SELECT ${column} AS id, MAX(started_at) AS at FROM remote_sessions WHERE ${column} IS NOT NULL GROUP BY ${column}) latest
               ON latest.id = s.${column} AND latest.at = s.started_at
             GROUP BY s.${column}`,
          )
          .all() as Array<{ id: string; name: string | null; vendor: string | null }>;
      return {
        vendors: sortByNames(
          newest('vendor_id', "json_extract(s.data, '$.vendorName')").map((row) => ({ id: row.id, name: row.name ?? row.id })),
          (vendor) => [vendor.name],
        ),
        groups: sortByNames(
          newest('group_id', "json_extract(s.data, '$.groupName')").map((row) => ({ id: row.id, name: row.name ?? row.id })),
          (group) => [group.name],
        ),
        users: sortByNames(
          newest('user_id', "json_extract(s.data, '$.username')").map((row) => ({ id: row.id, username: row.name ?? row.id, vendorName: row.vendor })),
          (user) => [user.username],
        ),
      };
    },
  };
}

export type RemoteSessionQuery = ReturnType<typeof remoteSessionQuery>;
