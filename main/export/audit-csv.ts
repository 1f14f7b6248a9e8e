import {
  auditActionLabel,
  auditActorLabel,
  auditChangeLines,
  auditChanges,
  auditObjectLabel,
  auditObjectTypeLabel,
  type AuditLanguage,
} from '../../common/audit/audit-description';
import type { AuditNameIndex } from '../../common/audit/audit-names';
import { AUDIT_WORDS } from '../../common/audit/audit-words';
import type { AuditEvent } from '../../common/portal/portal-types';
import { OSLO_TIME_ZONE, osloCalendarDate, osloTimestamp } from '../../common/time/oslo-time';
import { csvDelimiter, toCsv } from './csv';

/**
 * The audit log as an auditor's spreadsheet, in the words of the screen: one row per event with its time
 * (Oslo, with the offset), who, what, the object's type and name, and the changes as "field: before →
 * after" lines; the event exactly as the portal recorded it is the last column, for machines.
 * (Never secrets: the portal strips them from the record.)
 */
export function auditEventsCsv(events: readonly AuditEvent[], language: AuditLanguage, known?: AuditNameIndex): string {
  const { columns } = AUDIT_WORDS[language];
  return toCsv(
    [`${columns.at} (${OSLO_TIME_ZONE})`, columns.actor, columns.action, columns.objectType, columns.object, columns.changes, columns.raw],
    events.map((event) => [
      osloTimestamp(event.at),
      auditActorLabel(event, language),
      auditActionLabel(event.action, language),
      auditObjectTypeLabel(event.objectType, language),
      auditObjectLabel(event, language, known),
      auditChangeLines(auditChanges(event, language)),
      JSON.stringify(event),
    ]),
    csvDelimiter(language),
  );
}

/** Dated by the Oslo calendar, like the times inside. */
export function auditCsvFileName(now: Date): string {
  return `revisjonslogg-${osloCalendarDate(now)}.csv`;
}
