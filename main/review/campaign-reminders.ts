import type { UiLanguage } from '../../common/contract';
import { nextDayStart, remindersDue } from '../../common/review/campaign-deadline';
import type { ReviewCampaign } from '../../common/review/review-campaign';
import type { ReminderLog } from '../cache/reminder-repository';
import type { Logger } from '../log/logger';
import type { Notifier } from '../notify/notifier';
import { reminderText } from '../notify/reminder-texts';
import type { Clock } from '../time/clock';

export interface CampaignRemindersDeps {
  campaigns: () => ReviewCampaign[];
  sent: ReminderLog;
  notifier: Notifier;
  /** The organisation's review settings: how many days before the due date the first reminder comes. */
  reminderDays: () => number;
  language: () => UiLanguage;
  clock: Clock;
  logger: Logger;
}

/**
 * The longest the schedule sleeps: a changed system clock or a PC woken from sleep is noticed within
 * the hour even if the timer it set was for a midnight that has since moved.
 */
const MAX_WAIT_MS = 3_600_000;

/**
 * Desktop reminders of open campaigns: "due soon" once, `reminderDays` before the due date, and
 * "overdue" once, the day after it (common/review/campaign-deadline.ts). Each is recorded in the cache
 * before it is shown, so no restart repeats it. Checked at start, whenever the cache's campaigns may
 * have changed, and by one timer at the next Oslo midnight, when a reminder can next fall due.
 */
export class CampaignReminders {
  readonly #deps: CampaignRemindersDeps;
  #running = false;
  #cancelTimer: (() => void) | undefined;

  constructor(deps: CampaignRemindersDeps) {
    this.#deps = deps;
  }

  start(): void {
    this.#running = true;
    this.check();
  }

  stop(): void {
    this.#running = false;
    this.#cancelTimer?.();
    this.#cancelTimer = undefined;
  }

  check(): void {
    if (!this.#running) return;
    const { clock, logger } = this.#deps;
    const now = clock.now();
    try {
      this.#remind(now);
    } catch (error) {
      // From a timer or a cache event: a closed or full cache costs a reminder, never the process.
      logger.warn('review.reminder-failed', { error: error instanceof Error ? error.message : String(error) });
    }
    this.#cancelTimer?.();
    this.#cancelTimer = clock.setTimer(Math.min(nextDayStart(now).getTime() - now.getTime(), MAX_WAIT_MS), () => this.check());
  }

  #remind(now: Date): void {
    const { campaigns, sent, notifier, reminderDays, language, logger } = this.#deps;
    const days = reminderDays();
    for (const campaign of campaigns()) {
      for (const kind of remindersDue(campaign, now, days)) {
        if (!sent.claim(campaign.id, kind, now.toISOString())) continue;
        notifier.notify({ ...reminderText(campaign, kind, language()), tag: `review-reminder:${campaign.id}:${kind}` });
        logger.info('review.reminded', { campaignId: campaign.id, kind });
      }
    }
  }
}
