import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Recommendation } from '../../../common/review/review-recommendation';
import { formatDateTime } from '../relative-time';

/**
 * A grant's advice with its evidence, in the access review and in a campaign: "Anbefalt fjernet: ikke
 * brukt på N dager" ("aldri brukt" when it never was) or "Anbefalt beholdt: brukt siste N dager", then "Sist brukt …" (or "Aldri brukt")
 * and its sessions in the window, and the flag for access without approval used outside working hours.
 */
export function recommendationText(t: TFunction, recommendation: Recommendation | undefined): string {
  if (!recommendation) return t('common.loading');
  if (recommendation.kind === 'keep') return t('review.recommendation.keep', { count: recommendation.days });
  if (recommendation.lastUsedAt === null) return t('review.recommendation.removeNeverUsed');
  return t('review.recommendation.remove', { count: recommendation.days });
}

function evidenceLines(t: TFunction, recommendation: Recommendation, outsideHours: boolean, language: string): string[] {
  return [
    recommendation.lastUsedAt ? t('review.recommendation.lastUsed', { when: formatDateTime(recommendation.lastUsedAt, language) }) : t('sessions.usage.neverUsed'),
    t('review.recommendation.sessions', { count: recommendation.sessionsInWindow, days: recommendation.days }),
    ...(outsideHours ? [t('sessions.usage.outsideHours')] : []),
  ];
}

/** The cell as plain text: sizes its column. */
export function recommendationCellText(t: TFunction, recommendation: Recommendation | undefined, outsideHours: boolean, language: string): string {
  if (!recommendation) return t('common.loading');
  return [recommendationText(t, recommendation), ...evidenceLines(t, recommendation, outsideHours, language)].join(' ');
}

/** A removal is the advice that asks for attention: said in words, and marked. */
export function RecommendationCell({ recommendation, outsideHours }: { recommendation: Recommendation | undefined; outsideHours: boolean }) {
  const { t, i18n } = useTranslation();
  if (!recommendation) return <span className="muted">{t('common.loading')}</span>;
  const [last, sessions, flag] = evidenceLines(t, recommendation, outsideHours, i18n.language);
  return (
    <>
      <span data-testid="recommendation" className={recommendation.kind === 'remove' ? 'attention-text' : undefined}>
        {recommendationText(t, recommendation)}
      </span>
      <span className="evidence" data-testid="grant-usage">
        <span className={recommendation.lastUsedAt ? undefined : 'muted'}>{last}</span> <span className="muted">· {sessions}</span>
        {flag && <span className="attention-text"> · {flag}</span>}
      </span>
    </>
  );
}
