import type { AuditEvent } from '../portal/portal-types';
import { osloCalendarDate } from '../time/oslo-time';
import { compareNames } from '../sorting/name-collation';

/** What the audit log screen filters on; the CSV export gets the same filter, so it exports what is shown. */
export interface AuditFilter {
  /** Inclusive, as yyyy-mm-dd on the Oslo calendar: the days the screen shows the times on. */
  from?: string | undefined;
  to?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  objectType?: string | undefined;
}

export function filterAuditEvents(events: readonly AuditEvent[], filter: AuditFilter): AuditEvent[] {
  const byDay = Boolean(filter.from || filter.to);
  return events.filter((event) => {
    const day = byDay ? osloCalendarDate(new Date(event.at)) : '';
    return (
      (!filter.from || day >= filter.from) &&
      (!filter.to || day <= filter.to) &&
      (!filter.actor || event.actor.username === filter.actor) &&
      (!filter.action || event.action === filter.action) &&
      (!filter.objectType || event.objectType === filter.objectType)
    );
  });
}

/** The distinct values a filter can choose from, sorted. */
export function auditFacets(events: readonly AuditEvent[]): { actors: string[]; actions: string[]; objectTypes: string[] } {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort(compareNames);
  return {
    actors: sorted(events.map((event) => event.actor.username)),
    actions: sorted(events.map((event) => event.action)),
    objectTypes: sorted(events.map((event) => event.objectType)),
  };
}
