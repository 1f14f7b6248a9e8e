import { formatCalendarDate, formatOsloDateTime, localeOf } from '../../common/time/oslo-time';

/** "2 min ago" in the UI language, from an ISO time in the past; `now` is passed so callers control re-rendering. */
export function timeAgo(iso: string, now: number, language: string): string {
  // A time a moment ahead (clocks of main and window differ by milliseconds) reads as "now", not "in 1 second".
  const seconds = Math.min(0, Math.round((Date.parse(iso) - now) / 1000));
  const format = relativeTimeFormat(localeOf(language));
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86_400), 'day');
}

/** One formatter per locale: making one loads the locale's data, too slow for every render of the status bar. */
const relativeTimeFormats = new Map<string, Intl.RelativeTimeFormat>();
function relativeTimeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = relativeTimeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeTimeFormats.set(locale, format);
  }
  return format;
}

/**
 * An instant as the screen shows it: Oslo time in the app language ("30.11.2026 14:05"), the same text
 * the PDF report and the CSV files carry, whatever time zone the PC is set to.
 */
export function formatDateTime(iso: string, language: string): string {
  return formatOsloDateTime(iso, localeOf(language));
}

/** A calendar date (yyyy-mm-dd, e.g. a due date) as the app language writes dates; no time zone can shift it to another day. */
export function formatDay(day: string, language: string): string {
  return formatCalendarDate(day, localeOf(language));
}
