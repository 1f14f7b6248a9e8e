import type { ReviewSettings } from '../review/review-settings';
import { addCalendarDays, isoWeekday, osloCalendarDate, osloWallClockInstant } from '../time/oslo-time';

/** One working day's hours as instants (ISO, UTC): from its start up to its end. */
export interface WorkingPeriod {
  start: string;
  end: string;
}

/**
 * More Oslo days than this in one question is no question a screen asks (27 years): a longer span keeps
 * its latest days, and anything before them counts as outside working hours.
 */
export const MAX_WORKING_PERIOD_DAYS = 10_000;

/**
 * The organisation's working hours on every Oslo calendar day from the day of `from` to the day of
 * `to`, as instants: each day's start and end are found on that day's own clock, so the hour that moves
 * at the change to and from summer time moves the instants with it (08:00 is 07:00 UTC in winter and
 * 06:00 UTC in summer). In time order; days that are not working days have none.
 */
export function workingPeriods(settings: Pick<ReviewSettings, 'workdayStart' | 'workdayEnd' | 'workdays'>, from: Date, to: Date): WorkingPeriod[] {
  const workdays = new Set(settings.workdays);
  const last = osloCalendarDate(to);
  const periods: WorkingPeriod[] = [];
  const earliest = addCalendarDays(last, 1 - MAX_WORKING_PERIOD_DAYS);
  const first = osloCalendarDate(from);
  for (let day = first < earliest ? earliest : first; day <= last; day = addCalendarDays(day, 1)) {
    if (!workdays.has(isoWeekday(day))) continue;
    periods.push({ start: osloWallClockInstant(day, settings.workdayStart).toISOString(), end: osloWallClockInstant(day, settings.workdayEnd).toISOString() });
  }
  return periods;
}
