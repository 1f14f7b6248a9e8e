import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewItemState } from '../../../common/review/review-campaign';
import { planRecommendations, type RecommendationPlan, type UsageWindow } from '../../../common/review/review-recommendation';
import { ConfirmDialog } from '../ConfirmDialog';
import { fieldError } from '../field-errors';
import { selectCampaignError, useCampaignStore } from '../../stores/campaign-store';
import { JustificationDialog } from './JustificationDialog';

/**
 * "Bruk anbefalingene": every item of the campaign that has no decision yet gets the one its use
 * recommends, after a confirmation that says how many are kept and how many removed; keeping any
 * without approval asks why, once. Decided items are left alone, and removals still wait for the final,
 * online step. The plan is fixed when the button is pressed: what the dialog says is what is recorded.
 */
export function ApplyRecommendations({ items, usage, disabled }: { items: readonly ReviewItemState[]; usage: UsageWindow | undefined; disabled: boolean }) {
  const { t } = useTranslation();
  const apply = useCampaignStore((state) => state.applyRecommendations);
  const error = useCampaignStore(selectCampaignError);
  const plan = useMemo(() => (usage ? planRecommendations(items, usage) : undefined), [items, usage]);
  const [confirming, setConfirming] = useState<RecommendationPlan | undefined>(undefined);
  const [justifying, setJustifying] = useState<RecommendationPlan | undefined>(undefined);
  const [applied, setApplied] = useState<{ kept: number; removed: number } | undefined>(undefined);
  const count = plan ? plan.keep.length + plan.remove.length : 0;

  const record = async (chosen: RecommendationPlan, justification?: string) => {
    const result = await apply(chosen.keep, chosen.remove, justification);
    if (result) {
      setJustifying(undefined);
      setApplied(result);
    }
  };
  const confirmed = (chosen: RecommendationPlan) => {
    setConfirming(undefined);
    if (chosen.justificationRequired > 0) setJustifying(chosen);
    else void record(chosen);
  };

  return (
    <>
      {plan && count > 0 && (
        <div className="form-actions">
          <button
            type="button"
            disabled={disabled}
            onClick={() => {
              setApplied(undefined);
              setConfirming(plan);
            }}
          >
            {t('campaigns.apply', { count })}
          </button>
        </div>
      )}
      <div role="status">
        {applied && (
          <p className="notice success" data-testid="recommendations-applied">
            {t('campaigns.applied', applied)}
          </p>
        )}
      </div>
      {confirming && usage && (
        <ConfirmDialog tone="primary" title={t('campaigns.applyTitle')} confirmLabel={t('campaigns.applyConfirm')} onCancel={() => setConfirming(undefined)} onConfirm={() => confirmed(confirming)}>
          <p>{t('campaigns.applyIntro', { count: confirming.keep.length + confirming.remove.length })}</p>
          <ul data-testid="apply-summary">
            <li>{t('campaigns.applyKeep', { count: confirming.keep.length, days: usage.days })}</li>
            <li>{t('campaigns.applyRemove', { count: confirming.remove.length, days: usage.days })}</li>
          </ul>
          <p>{t('campaigns.applyNote')}</p>
        </ConfirmDialog>
      )}
      {justifying && (
        <JustificationDialog
          intro={t('campaigns.justifyManyIntro', { count: justifying.justificationRequired })}
          initial=""
          portalMessage={fieldError(t, error, 'justification', t('campaigns.justification'))}
          onCancel={() => setJustifying(undefined)}
          onSave={(text) => void record(justifying, text)}
        />
      )}
    </>
  );
}
