import type { UiLanguage } from '../../common/contract';
import type { ReminderKind } from '../../common/review/campaign-deadline';
import type { ReviewCampaign } from '../../common/review/review-campaign';
import { formatCalendarDate, localeOf } from '../../common/time/oslo-time';

/**
 * A campaign reminder's words, in the window's language (main shows the notification itself, so its
 * texts live in main, as the application menu's do). Each says what is left: undecided grants, or the
 * final step that makes the decisions count.
 */
export function reminderText(campaign: ReviewCampaign, kind: ReminderKind, language: UiLanguage): { title: string; body: string } {
  const due = formatCalendarDate(campaign.dueDate, localeOf(language));
  const undecided = campaign.itemCount - campaign.decidedCount;
  return language === 'en' ? english(campaign, kind, due, undecided) : norwegian(campaign, kind, due, undecided);
}

function norwegian(campaign: ReviewCampaign, kind: ReminderKind, due: string, undecided: number) {
  const left = `${undecided} av ${campaign.itemCount} ${campaign.itemCount === 1 ? 'tilgang' : 'tilganger'} er ikke vurdert ennå.`;
  if (kind === 'overdue') {
    return {
      title: `Gjennomgangen «${campaign.name}» er forfalt`,
      body: `Fristen var ${due}. ${undecided > 0 ? left : 'Alle tilgangene er vurdert, men gjennomgangen er ikke fullført.'}`,
    };
  }
  return {
    title: `Gjennomgangen «${campaign.name}» har frist ${due}`,
    body: undecided > 0 ? `${left} Fullfør gjennomgangen innen fristen.` : 'Alle tilgangene er vurdert. Fullfør gjennomgangen for at beslutningene skal gjelde.',
  };
}

function english(campaign: ReviewCampaign, kind: ReminderKind, due: string, undecided: number) {
  const left = `${undecided} of ${campaign.itemCount} ${campaign.itemCount === 1 ? 'grant' : 'grants'} ${undecided === 1 ? 'has' : 'have'} not been reviewed yet.`;
  if (kind === 'overdue') {
    return {
      title: `The review “${campaign.name}” is overdue`,
      body: `It was due ${due}. ${undecided > 0 ? left : 'Every grant has been reviewed, but the review is not completed.'}`,
    };
  }
  return {
    title: `The review “${campaign.name}” is due ${due}`,
    body: undecided > 0 ? `${left} Complete the review by the due date.` : 'Every grant has been reviewed. Complete the review for the decisions to take effect.',
  };
}
