import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewDecisionKind, ReviewItemState } from '../../../common/review/review-campaign';
import { justificationRequired } from '../../../common/review/review-rules';
import { fieldError } from '../field-errors';
import { selectCampaignError, useCampaignStore } from '../../stores/campaign-store';
import { JustificationDialog } from './JustificationDialog';

/**
 * One decision for every shown grant that has none yet: with hundreds of grants, the filter picks the
 * set (e.g. all with approval) and one click decides it. Keeping any without approval asks why, once.
 */
export function BulkDecision({ shown, disabled }: { shown: readonly ReviewItemState[]; disabled: boolean }) {
  const { t } = useTranslation();
  const decideMany = useCampaignStore((state) => state.decideMany);
  const error = useCampaignStore(selectCampaignError);
  const [justifying, setJustifying] = useState<string[] | undefined>(undefined);
  const undecided = shown.filter((item) => !item.decision);
  const ids = undecided.map((item) => item.grantId);
  if (undecided.length === 0) return null;

  const decide = (decision: ReviewDecisionKind) => {
    if (decision === 'keep' && undecided.some((item) => justificationRequired(item.mode, 'keep'))) setJustifying(ids);
    else void decideMany(ids, decision);
  };
  return (
    <div className="form-actions bulk-decision">
      <button type="button" className="secondary" disabled={disabled} onClick={() => decide('keep')}>
        {t('campaigns.keepAll', { count: undecided.length })}
      </button>
      <button type="button" className="secondary" disabled={disabled} onClick={() => decide('remove')}>
        {t('campaigns.removeAll', { count: undecided.length })}
      </button>
      {justifying && (
        <JustificationDialog
          intro={t('campaigns.justifyManyIntro', { count: undecided.filter((item) => justificationRequired(item.mode, 'keep')).length })}
          initial=""
          portalMessage={fieldError(t, error, 'justification', t('campaigns.justification'))}
          onCancel={() => setJustifying(undefined)}
          onSave={(text) =>
            void decideMany(justifying, 'keep', text).then((saved) => {
              if (saved) setJustifying(undefined);
            })
          }
        />
      )}
    </div>
  );
}
