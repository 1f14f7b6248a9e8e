import type { SessionListItem } from '../../common/sessions/remote-session-list';
import { SESSION_WORDS, type SessionWords } from '../../common/sessions/session-words';
import { OSLO_TIME_ZONE, osloCalendarDate, osloTimestamp } from '../../common/time/oslo-time';
import { csvDelimiter, toCsv, type CsvCell } from './csv';

export type SessionLanguage = 'nb' | 'en';

/** The cells both the CSV and the PDF print for who connected: the account, and the vendor (or that it is unknown). */
export function sessionVendor(session: SessionListItem, words: SessionWords): string {
  return session.vendorName ?? words.unknownVendor;
}

/**
 * The sessions as an auditor's spreadsheet, in the words of the screen: one row per session, the newest
 * first, whether it was on our machines or our technicians' at others, times in Oslo time with their offset (the hour the screen and the PDF show, and still one exact
 * instant that sorts as text), an open session's end as "Pågår"; the portal's session id last, so a row
 * can be found again in the portal and the remote-support system.
 */
export function sessionsCsv(sessions: readonly SessionListItem[], language: SessionLanguage): string {
  const words = SESSION_WORDS[language];
  const { columns } = words;
  return toCsv(
    [
      `${columns.startedAt} (${OSLO_TIME_ZONE})`,
      `${columns.endedAt} (${OSLO_TIME_ZONE})`,
      columns.place,
      columns.vendor,
      columns.user,
      columns.group,
      columns.device,
      columns.kind,
      columns.consent,
      columns.outsideWorkingHours,
      columns.id,
    ],
    sessions.map((session): CsvCell[] => [
      osloTimestamp(session.startedAt),
      session.endedAt ? osloTimestamp(session.endedAt) : words.open,
      words.place[session.place],
      sessionVendor(session, words),
      session.username,
      session.groupName,
      session.deviceName,
      words.kind[session.kind],
      words.consent[session.consent],
      session.outsideWorkingHours ? words.yes : words.no,
      session.id,
    ]),
    csvDelimiter(language),
  );
}

/** `fjernhjelpsøkter-<yyyy-mm-dd>.<extension>`, dated by the Oslo calendar like the times inside. */
export function sessionsFileName(now: Date, extension: 'csv' | 'pdf'): string {
  return `fjernhjelpsøkter-${osloCalendarDate(now)}.${extension}`;
}
