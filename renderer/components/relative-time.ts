/** "2 min ago" in the UI language, from an ISO time in the past; `now` is passed so callers control re-rendering. */
export function timeAgo(iso: string, now: number, language: string): string {
  // A time a moment ahead (clocks of main and window differ by milliseconds) reads as "now", not "in 1 second".
  const seconds = Math.min(0, Math.round((Date.parse(iso) - now) / 1000));
  const format = new Intl.RelativeTimeFormat(language === 'nb' ? 'nb-NO' : 'en-GB', { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86_400), 'day');
}

export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'nb' ? 'nb-NO' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A calendar date (yyyy-mm-dd, e.g. a due date) as the reader writes dates; no time zone can shift it to another day. */
export function formatDay(day: string, language: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(language === 'nb' ? 'nb-NO' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(year!, month! - 1, date!));
}
