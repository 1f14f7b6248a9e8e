/**
 * An instant as the cache stores it in a column it compares: the portal's ISO time normalised to
 * `YYYY-MM-DDTHH:MM:SS.sssZ`, so comparing two of them as text compares the instants (an offset such as
 * "+01:00" or a missing fraction would not). A value that is no time is stored as it came: it then sorts
 * as text, and the portal's JSON in `data` still says exactly what it sent.
 */
export function storedInstant(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString();
}
