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

const MINUTE_MS = 60_000;

/** How far Oslo's wall clock is ahead of UTC at an instant, in milliseconds (one or two hours). */
function osloOffsetMs(instant: number): number {
  const part = osloParts(new Date(instant));
  const wall = Date.UTC(Number(part.year), Number(part.month) - 1, Number(part.day), Number(part.hour), Number(part.minute), Number(part.second));
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which Oslo's wall clock shows `minuteOfDay` minutes past midnight on the calendar day
 * `yyyyMmDd` (1440 is the next midnight), whatever zone the PC is in and on either side of a change to
 * or from summer time. A wall time that does not exist (02:30 on the last Sunday of March) is the same
 * number of minutes after 02:00, in summer time; one that exists twice (02:30 on the last Sunday of
 * October) is the later, in winter time.
 */
export function osloWallClockInstant(yyyyMmDd: string, minuteOfDay: number): Date {
  const wall = utcMidnight(yyyyMmDd) + minuteOfDay * MINUTE_MS;
  // Two steps: the offset at a first guess, then the offset at the instant that guess gives.
  const guess = wall - osloOffsetMs(wall);
  return new Date(wall - osloOffsetMs(guess));
}

/** The calendar day `days` after (or before, when negative) YYYY-MM-DD. */
export function addCalendarDays(yyyyMmDd: string, days: number): string {
  return new Date(utcMidnight(yyyyMmDd) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Midnight UTC of a calendar day; setUTCFullYear, because Date.UTC reads the years 0–99 as 1900–1999. */
function utcMidnight(yyyyMmDd: string): number {
  const [year, month, day] = yyyyMmDd.split('-').map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

/** The ISO weekday of a calendar day: 1 Monday … 7 Sunday (a date has no zone, so no offset can move it). */
export function isoWeekday(yyyyMmDd: string): number {
  const sundayFirst = new Date(utcMidnight(yyyyMmDd)).getUTCDay();
  return sundayFirst === 0 ? 7 : sundayFirst;
}
