import type { SessionFilter } from '../../common/contract';
import type { ReviewSettings } from '../../common/review/review-settings';
import { formatMinuteOfDay } from '../../common/review/review-settings';
import type { SessionListItem } from '../../common/sessions/remote-session-list';
import { describeWorkdays, SESSION_WORDS, type SessionWords } from '../../common/sessions/session-words';
import { byNames } from '../../common/sorting/name-collation';
import { formatCalendarDate, formatOsloDateTime, localeOf } from '../../common/time/oslo-time';
import { drawPdfFacts, drawPdfHeading, drawPdfTitle, PDF_TABLE_STYLE, pdfContent, startPdfReport, type PdfFact } from './pdf-document';
import { drawPdfTable, type PdfTableColumn } from './pdf-table';
import { sessionVendor, type SessionLanguage } from './session-csv';

/** What the PDF of the sessions screen holds: the sessions as filtered, and what is needed to say which. */
export interface SessionReport {
  organisationName: string;
  generatedAt: string;
  generatedBy: string;
  filter: SessionFilter;
  /** The names of what the filter's ids point at, as the screen's choices show them. */
  names: { vendor?: string | undefined; group?: string | undefined; user?: string | undefined };
  settings: ReviewSettings;
  /** The newest first. */
  sessions: readonly SessionListItem[];
  /** How many sessions the filter lets through; more than `sessions.length` when the file holds only the newest. */
  total: number;
}

/** What only the report says (its heading and sections); a session's own words are SESSION_WORDS, the screen's. */
const REPORT_WORDS = {
  nb: {
    organisation: 'Organisasjon',
    selection: 'Utvalg',
    allSessions: 'Alle økter',
    period: 'Periode',
    workingHours: 'Arbeidstid',
    generated: 'Generert',
    by: 'av',
    timeZone: 'Tidssone',
    timeZoneName: 'Europe/Oslo (norsk tid)',
    count: 'Antall økter',
    newestOnly: (shown: number, total: number) => `De ${shown} nyeste av ${total}`,
    usage: 'Bruk per leverandør og maskingruppe',
    list: 'Øktene',
    page: (page: number, pageCount: number) => `Side ${page} av ${pageCount}`,
  },
  en: {
    organisation: 'Organisation',
    selection: 'Selection',
    allSessions: 'All sessions',
    period: 'Period',
    workingHours: 'Working hours',
    generated: 'Generated',
    by: 'by',
    timeZone: 'Time zone',
    timeZoneName: 'Europe/Oslo (Norwegian time)',
    count: 'Number of sessions',
    newestOnly: (shown: number, total: number) => `The ${shown} newest of ${total}`,
    usage: 'Use by vendor and machine group',
    list: 'The sessions',
    page: (page: number, pageCount: number) => `Page ${page} of ${pageCount}`,
  },
} as const;

/** One vendor's use of one group within the selection: the documentation an auditor asks for first. */
interface UsageRow {
  vendor: string;
  group: string;
  sessions: number;
  lastUsedAt: string;
  unattendedOutsideHours: number;
}

/**
 * The sessions screen as a PDF an auditor can file: A4 landscape, the selection, the working hours and
 * the time zone in the heading; then each vendor's use of each group (sessions, "Sist brukt", sessions
 * without approval outside working hours); then every session with the screen's columns. Times are Oslo
 * wall-clock time, as on the screen. The same report gives the same bytes (its dates come from it).
 */
export async function sessionReportPdf(report: SessionReport, language: SessionLanguage): Promise<Buffer> {
  const words = SESSION_WORDS[language];
  const own = REPORT_WORDS[language];
  const locale = localeOf(language);
  const time = (iso: string) => formatOsloDateTime(iso, locale);
  const { doc, finish } = startPdfReport({ title: words.title, subject: report.organisationName, locale, createdAt: new Date(report.generatedAt) });

  const { left, width } = pdfContent(doc);
  drawPdfTitle(doc, words.title);
  const facts: PdfFact[] = [
    { key: own.organisation, value: report.organisationName },
    { key: own.selection, value: describeSelection(report, words, own, locale) },
    { key: own.count, value: report.total > report.sessions.length ? own.newestOnly(report.sessions.length, report.total) : String(report.total) },
    {
      key: own.workingHours,
      value: `${describeWorkdays(report.settings.workdays, language)} ${formatMinuteOfDay(report.settings.workdayStart)}–${formatMinuteOfDay(report.settings.workdayEnd)}`,
    },
    { key: own.generated, value: `${time(report.generatedAt)} ${own.by} ${report.generatedBy}` },
    // Every time in the report is Oslo time, as on the screen, whatever zone the PC that made it is set to.
    { key: own.timeZone, value: own.timeZoneName },
  ];
  let y = drawPdfFacts(doc, facts, left, doc.y + 10, width * 0.8);

  y = drawPdfHeading(doc, own.usage, y + 12);
  const usageColumns: PdfTableColumn<UsageRow>[] = [
    { header: words.columns.vendor, weight: 26, cell: (row) => row.vendor },
    { header: words.columns.group, weight: 26, cell: (row) => row.group },
    { header: words.columns.sessions, weight: 10, cell: (row) => String(row.sessions) },
    { header: words.columns.lastUsed, weight: 16, cell: (row) => time(row.lastUsedAt) },
    { header: words.columns.unattendedOutsideHours, weight: 22, cell: (row) => String(row.unattendedOutsideHours) },
  ];
  y = drawPdfTable(doc, usageColumns, usageRows(report.sessions, words), PDF_TABLE_STYLE, y);

  y = drawPdfHeading(doc, own.list, y + 16);
  const sessionColumns: PdfTableColumn<SessionListItem>[] = [
    { header: words.columns.startedAt, weight: 10, cell: (session) => time(session.startedAt) },
    { header: words.columns.endedAt, weight: 10, cell: (session) => (session.endedAt ? time(session.endedAt) : words.open) },
    { header: words.columns.place, weight: 13, cell: (session) => words.place[session.place] },
    { header: words.columns.vendor, weight: 13, cell: (session) => sessionVendor(session, words) },
    { header: words.columns.user, weight: 11, cell: (session) => session.username },
    { header: words.columns.group, weight: 12, cell: (session) => session.groupName },
    { header: words.columns.device, weight: 10, cell: (session) => session.deviceName },
    { header: words.columns.kind, weight: 7, cell: (session) => words.kind[session.kind] },
    { header: words.columns.consent, weight: 10, cell: (session) => words.consent[session.consent] },
    { header: words.columns.outsideWorkingHours, weight: 8, cell: (session) => (session.outsideWorkingHours ? words.yes : words.no) },
  ];
  drawPdfTable(doc, sessionColumns, report.sessions, PDF_TABLE_STYLE, y);
  return finish(own.page);
}

function usageRows(sessions: readonly SessionListItem[], words: SessionWords): UsageRow[] {
  const rows = new Map<string, UsageRow>();
  for (const session of sessions) {
    const key = `${session.vendorId ?? ''}\u0000${session.groupId}`;
    const row = rows.get(key) ?? { vendor: sessionVendor(session, words), group: session.groupName, sessions: 0, lastUsedAt: session.startedAt, unattendedOutsideHours: 0 };
    row.sessions += 1;
    if (Date.parse(session.startedAt) > Date.parse(row.lastUsedAt)) row.lastUsedAt = session.startedAt;
    if (session.consent === 'notNeeded' && session.outsideWorkingHours) row.unattendedOutsideHours += 1;
    rows.set(key, row);
  }
  return [...rows.values()].sort(byNames((row) => [row.vendor, row.group]));
}

function describeSelection(report: SessionReport, words: SessionWords, own: (typeof REPORT_WORDS)[SessionLanguage], locale: string): string {
  const { filter, names } = report;
  const day = (value: string) => formatCalendarDate(value, locale);
  const parts: string[] = [];
  if (filter.from || filter.to) parts.push(`${own.period} ${filter.from ? day(filter.from) : ''}–${filter.to ? day(filter.to) : ''}`);
  if (filter.place) parts.push(`${words.columns.place}: ${words.place[filter.place]}`);
  if (filter.vendorId) parts.push(`${words.columns.vendor}: ${names.vendor ?? filter.vendorId}`);
  if (filter.groupId) parts.push(`${words.columns.group}: ${names.group ?? filter.groupId}`);
  if (filter.userId) parts.push(`${words.columns.user}: ${names.user ?? filter.userId}`);
  if (filter.kind) parts.push(`${words.columns.kind}: ${words.kind[filter.kind]}`);
  if (filter.consent) parts.push(`${words.columns.consent}: ${words.consent[filter.consent]}`);
  if (filter.outsideWorkingHours !== undefined) parts.push(filter.outsideWorkingHours ? words.columns.outsideWorkingHours : words.columns.withinWorkingHours);
  return parts.length > 0 ? parts.join(' · ') : own.allSessions;
}
