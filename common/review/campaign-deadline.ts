import { addCalendarDays, osloCalendarDate, osloWallClockInstant } from '../time/oslo-time';

/**
 * A campaign's due date against the calendar: one rule for the screens ("Forfalt"), the PDF report and
 * main's reminders. Days are Oslo calendar days, as every date the app shows is.
 */
export interface CampaignDeadline {
  /** yyyy-mm-dd */
  dueDate: string;
  completedAt: string | null;
}

/** The desktop reminders a campaign can give, each at most once. */
export type ReminderKind = 'due-soon' | 'overdue';

/** Overdue from the day after the due date, until the final step has completed it. */
export function campaignOverdue(campaign: CampaignDeadline, now: Date): boolean {
  return campaign.completedAt === null && campaign.dueDate < osloCalendarDate(now);
}

/**
 * The reminders due at `now`: "due soon" from `reminderDays` days before the due date up to the due
 * date itself, "overdue" after it. A campaign first seen when already overdue gets only that one.
 */
export function remindersDue(campaign: CampaignDeadline, now: Date, reminderDays: number): ReminderKind[] {
  if (campaign.completedAt !== null) return [];
  if (campaignOverdue(campaign, now)) return ['overdue'];
  return osloCalendarDate(now) >= addCalendarDays(campaign.dueDate, -reminderDays) ? ['due-soon'] : [];
}

/** The next midnight in Oslo after `now`: when a reminder can next fall due (23- and 25-hour days included). */
export function nextDayStart(now: Date): Date {
  return osloWallClockInstant(addCalendarDays(osloCalendarDate(now), 1), 0);
}
