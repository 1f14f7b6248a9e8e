/**
 * Human-readable times for reports. The administrators and their auditors are in Norway, so a report
 * shows Oslo wall-clock time whatever zone the PC is set to; machine-readable exports keep ISO 8601.
 */
const OSLO = 'Europe/Oslo';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();

function cached(cache: Map<string, Intl.DateTimeFormat>, key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = cache.get(key);
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
}

function dateFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  return cached(dateFormats, `${locale}|${timeZone}`, () =>
    new Intl.DateTimeFormat(locale, { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }),
  );
}

function timeFormat(locale: string): Intl.DateTimeFormat {
  return cached(timeFormats, locale, () =>
    new Intl.DateTimeFormat(locale, { timeZone: OSLO, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  );
}

/**
 * "30.11.2026 14:05" (nb-NO) or "30/11/2026 14:05" (en-GB). Date and time are formatted apart and
 * joined with a space because the locales' combined patterns put a comma between them.
 * An unparseable value is shown as it is rather than hidden: the auditor should see what was recorded.
 */
export function formatOsloDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${dateFormat(locale, OSLO).format(date)} ${timeFormat(locale).format(date)}`;
}

/** A calendar date (YYYY-MM-DD) has no zone: format it at noon UTC in UTC so no offset can move it a day. */
export function formatCalendarDate(yyyyMmDd: string, locale: string): string {
  const date = new Date(`${yyyyMmDd}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return yyyyMmDd;
  return dateFormat(locale, 'UTC').format(date);
}

/** The Oslo calendar date of an instant as YYYY-MM-DD (for file names and due-date comparisons). */
export function osloCalendarDate(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: OSLO, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
