/**
 * Every time the app shows or writes for a person: the screen, the CSV files and the PDF report. The
 * administrators and their auditors are in Norway, so times are Oslo wall-clock time whatever zone the
 * PC is set to, and the screen, the CSV and the PDF agree on any machine. Dates and times follow the
 * app's language (nb: 30.11.2026 14:05, en: 30/11/2026 14:05), never the browser's or the system's.
 */
export const OSLO_TIME_ZONE = 'Europe/Oslo';

export type DisplayLocale = 'nb-NO' | 'en-GB';

/** The BCP 47 locale of a UI language ('nb' or 'en'); Norwegian unless it is English. */
export function localeOf(language: string): DisplayLocale {
  return language === 'en' ? 'en-GB' : 'nb-NO';
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let cached = formats.get(key);
  if (!cached) {
    cached = make();
    formats.set(key, cached);
  }
  return cached;
}

function dateFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  return format(`date|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(locale, { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }));
}

function timeFormat(locale: string): Intl.DateTimeFormat {
  return format(`time|${locale}`, () => new Intl.DateTimeFormat(locale, { timeZone: OSLO_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }));
}

/**
 * "30.11.2026 14:05" (nb-NO) or "30/11/2026 14:05" (en-GB). Date and time are formatted apart and
 * joined with a space because the locales' combined patterns put a comma between them.
 * An unparseable value is shown as it is rather than hidden: the auditor should see what was recorded.
 */
export function formatOsloDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${dateFormat(locale, OSLO_TIME_ZONE).format(date)} ${timeFormat(locale).format(date)}`;
}

/** A calendar date (YYYY-MM-DD) has no zone: format it at noon UTC in UTC so no offset can move it a day. */
export function formatCalendarDate(yyyyMmDd: string, locale: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(yyyyMmDd)) return yyyyMmDd;
  const date = new Date(`${yyyyMmDd}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return yyyyMmDd;
  return dateFormat(locale, 'UTC').format(date);
}

function osloParts(instant: Date): Record<Intl.DateTimeFormatPartTypes, string> {
  const parts = format('parts', () =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: OSLO_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    }),
  ).formatToParts(instant);
  return Object.fromEntries(parts.map((part) => [part.type, part.value])) as Record<Intl.DateTimeFormatPartTypes, string>;
}

/** The Oslo calendar date of an instant as YYYY-MM-DD (for file names, date filters and due-date comparisons). */
export function osloCalendarDate(instant: Date): string {
  const part = osloParts(instant);
  return `${part.year}-${part.month}-${part.day}`;
}

/**
 * An instant as Oslo time with its offset, for files a spreadsheet or a script reads:
 * "2026-11-30 14:05:00+01:00" (RFC 3339 with a space for the T). It sorts as text within one offset, says
 * which hour it was in Norway, and is still one exact instant. An unparseable value is written as it is.
 */
export function osloTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = osloParts(date);
  // "GMT+01:00"; a zero offset is plain "GMT".
  const offset = part.timeZoneName === 'GMT' ? '+00:00' : part.timeZoneName.replace('GMT', '');
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}${offset}`;
}
