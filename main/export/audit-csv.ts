import type { AuditEvent } from '../../common/portal/portal-types';
import { toCsv } from './csv';

/** The audit log as an auditor's spreadsheet: one row per change, before/after as JSON (never secrets: the portal strips them). */
export function auditEventsCsv(events: readonly AuditEvent[]): string {
  return toCsv(
    ['Tidspunkt', 'Utført av', 'Handling', 'Objekttype', 'Objekt-ID', 'Før', 'Etter'],
    events.map((event) => [
      event.at,
      event.actor.username,
      event.action,
      event.objectType,
      event.objectId,
      event.before ? JSON.stringify(event.before) : '',
      event.after ? JSON.stringify(event.after) : '',
    ]),
  );
}

export function auditCsvFileName(now: Date): string {
  return `revisjonslogg-${now.toISOString().slice(0, 10)}.csv`;
}
