import type { AuditEvent } from '../portal/portal-types';

/** What the audit log screen filters on; the CSV export gets the same filter, so it exports what is shown. */
export interface AuditFilter {
  /** Inclusive, as yyyy-mm-dd in local time. */
  from?: string | undefined;
  to?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  objectType?: string | undefined;
}

function localDate(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function filterAuditEvents(events: readonly AuditEvent[], filter: AuditFilter): AuditEvent[] {
  return events.filter((event) => {
    const day = localDate(event.at);
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
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b, 'nb'));
  return {
    actors: sorted(events.map((event) => event.actor.username)),
    actions: sorted(events.map((event) => event.action)),
    objectTypes: sorted(events.map((event) => event.objectType)),
  };
}
