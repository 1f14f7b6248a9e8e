import { formatCalendarDate, localeOf } from './oslo-time';

/**
 * A date as a person types it in a date field: day first in both the app's languages (nb 31.12.2026,
 * en 31/12/2026), whatever the browser's or the operating system's locale would make a native date
 * input show. The field hands on YYYY-MM-DD, like <input type="date">.
 */
const DAY_FIRST = /^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day as YYYY-MM-DD, or undefined. */
function isoDay(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * What a date field's text means: the day as YYYY-MM-DD, or undefined when it is empty or no real
 * day (31.02.2026). Accepts "d.m.yyyy" with ".", "/" or "-" between the parts, and YYYY-MM-DD.
 */
export function parseDayInput(text: string): string | undefined {
  const trimmed = text.trim();
  const iso = ISO_DAY.exec(trimmed);
  if (iso) return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = DAY_FIRST.exec(trimmed);
  if (dayFirst) return isoDay(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  return undefined;
}

/** YYYY-MM-DD as the field shows it in the app language ("31.12.2026", "31/12/2026"); other text as it is. */
export function formatDayInput(day: string, language: string): string {
  return ISO_DAY.test(day) ? formatCalendarDate(day, localeOf(language)) : day;
}

/** Whether a date field's value is a day (YYYY-MM-DD) rather than empty or unfinished text. */
export function isIsoDay(value: string): boolean {
  return ISO_DAY.test(value) && parseDayInput(value) === value;
}
