import { useTranslation } from 'react-i18next';
import type { ReviewDecisionKind, ReviewItemState } from '../../../common/review/review-campaign';

/** Keep / remove for one grant. Pressed shows the current decision; both work offline. */
export function DecisionButtons({ item, disabled, onDecide }: { item: ReviewItemState; disabled: boolean; onDecide: (decision: ReviewDecisionKind) => void }) {
  const { t } = useTranslation();
  const current = item.decision?.decision;
  const names = { vendor: item.vendorName, group: item.groupFullName };
  return (
    <span className="decision-buttons">
      <button type="button" className="secondary small" aria-pressed={current === 'keep'} aria-label={t('campaigns.keepLabel', names)} disabled={disabled} onClick={() => onDecide('keep')}>
        {t('campaigns.keep')}
      </button>
      <button type="button" className="secondary small" aria-pressed={current === 'remove'} aria-label={t('campaigns.removeLabel', names)} disabled={disabled} onClick={() => onDecide('remove')}>
        {t('campaigns.remove')}
      </button>
    </span>
  );
}
