import { z } from 'zod';
import type { FieldIssue } from '../result';
import { OSLO_TIME_ZONE } from '../time/oslo-time';

/**
 * How the organisation judges the evidence of use (issue 14), one object per portal profile, kept in
 * that profile's offline cache: its working hours (remote access without approval outside them is
 * flagged on the grant), how many days of use a recommendation looks at, and how many days before a
 * campaign's due date its reminder comes. Times of day are whole minutes after Oslo midnight, the
 * clock every time in the app is shown on.
 */
export const MINUTES_PER_DAY = 24 * 60;
export const RECOMMENDATION_DAYS_MAX = 3650;
export const REMINDER_DAYS_MAX = 365;
/** ISO weekdays: 1 Monday … 7 Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

const minuteOfDay = z.number().int().min(0).max(MINUTES_PER_DAY);

export const reviewSettingsSchema = z
  .object({
    /** When the working day starts, in minutes after midnight (480 = 08:00). */
    workdayStart: minuteOfDay.max(MINUTES_PER_DAY - 1),
    /** When it ends (960 = 16:00; 1440 = midnight at the end of the day). */
    workdayEnd: minuteOfDay.min(1),
    /** The working days, as ISO weekdays, each once, in any order. */
    workdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    /** Always Oslo: the app shows and writes every time in Oslo time. Stated so a stored object says which clock it means. */
    timeZone: z.literal(OSLO_TIME_ZONE).default(OSLO_TIME_ZONE),
    /** "Anbefalt fjernet: ikke brukt på N dager" / "brukt siste N dager", and "Økter siste N dager" on each grant. */
    recommendationDays: z.number().int().min(1).max(RECOMMENDATION_DAYS_MAX),
    /** A campaign's reminder comes this many days before its due date (0: on the day). */
    reminderDays: z.number().int().min(0).max(REMINDER_DAYS_MAX),
  })
  .strict()
  .superRefine((settings, context) => {
    if (settings.workdayEnd <= settings.workdayStart) {
      context.addIssue({ code: 'custom', path: ['workdayEnd'], message: 'The working day must end after it starts', params: { code: 'WORKDAY_END_NOT_AFTER_START' } });
    }
    if (new Set(settings.workdays).size !== settings.workdays.length) {
      context.addIssue({ code: 'custom', path: ['workdays'], message: 'Each weekday once', params: { code: 'WORKDAYS_REPEATED' } });
    }
  });

export type ReviewSettings = z.output<typeof reviewSettingsSchema>;
export type ReviewSettingsInput = z.input<typeof reviewSettingsSchema>;

/** Until the organisation says otherwise: Monday to Friday 08:00–16:00, 90 days of use, a reminder a week before. */
export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = Object.freeze({
  workdayStart: 8 * 60,
  workdayEnd: 16 * 60,
  workdays: [1, 2, 3, 4, 5],
  timeZone: OSLO_TIME_ZONE,
  recommendationDays: 90,
  reminderDays: 7,
});

export type ReviewSettingsField = 'workdayStart' | 'workdayEnd' | 'workdays' | 'recommendationDays' | 'reminderDays';
/** The fields in the order the settings form shows them: the first with an issue gets focus. */
export const reviewSettingsFieldOrder: readonly ReviewSettingsField[] = ['workdayStart', 'workdayEnd', 'workdays', 'recommendationDays', 'reminderDays'];

/** "08:00" for 480; "24:00" for the midnight that ends a day. */
export function formatMinuteOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "8:00", "08.00", "0800" or "24:00" as minutes after midnight; undefined for anything else. */
export function parseMinuteOfDay(text: string): number | undefined {
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return undefined;
  return hours * 60 + minutes;
}

/** What the settings form holds: the text of each field as typed, and the ticked weekdays. */
export interface ReviewSettingsDraft {
  workdayStart: string;
  workdayEnd: string;
  workdays: readonly number[];
  recommendationDays: string;
  reminderDays: string;
}

export function reviewSettingsDraft(settings: ReviewSettings): ReviewSettingsDraft {
  return {
    workdayStart: formatMinuteOfDay(settings.workdayStart),
    workdayEnd: formatMinuteOfDay(settings.workdayEnd),
    workdays: [...settings.workdays],
    recommendationDays: String(settings.recommendationDays),
    reminderDays: String(settings.reminderDays),
  };
}

/**
 * The form's own check, before anything is sent: text that is no time or no whole number is said at its
 * field (TIME_FORMAT, WHOLE_NUMBER); what it does say goes to main as numbers, where the schema above
 * decides (its MINIMUM/MAXIMUM and WORKDAY_* issues come back at the same fields).
 */
export function checkReviewSettingsDraft(draft: ReviewSettingsDraft): { input: ReviewSettingsInput | undefined; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const time = (field: 'workdayStart' | 'workdayEnd'): number => {
    const value = parseMinuteOfDay(draft[field]);
    if (value === undefined) issues.push({ path: field, code: 'TIME_FORMAT', message: 'A time of day as hh:mm' });
    return value ?? 0;
  };
  const days = (field: 'recommendationDays' | 'reminderDays'): number => {
    const text = draft[field].trim();
    if (!/^\d{1,6}$/.test(text)) issues.push({ path: field, code: 'WHOLE_NUMBER', message: 'A whole number of days' });
    return Number(text);
  };
  const input = {
    workdayStart: time('workdayStart'),
    workdayEnd: time('workdayEnd'),
    workdays: [...draft.workdays].sort((a, b) => a - b),
    recommendationDays: days('recommendationDays'),
    reminderDays: days('reminderDays'),
  };
  return { input: issues.length === 0 ? input : undefined, issues };
}
