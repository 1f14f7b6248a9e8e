import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewCampaignDetail } from '../../../common/review/review-campaign';
import { CommandButton } from '../CommandButton';
import { ConfirmDialog } from '../ConfirmDialog';
import { selectCompleting, useCampaignStore } from '../../stores/campaign-store';

/**
 * The final, online step: only here does a "remove" decision take anyone's access away, after the
 * admin has seen the whole list of removals once more.
 */
export function CompleteCampaignPanel({ detail }: { detail: ReviewCampaignDetail }) {
  const { t } = useTranslation();
  const complete = useCampaignStore((state) => state.complete);
  const completing = useCampaignStore(selectCompleting);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<number | undefined>(undefined);
  // Stable, so it focuses the notice once, when it appears, not on every render after.
  const focusOnAppear = useCallback((notice: HTMLElement | null) => notice?.focus(), []);
  const undecided = detail.items.filter((item) => !item.decision).length;
  const removals = detail.items.filter((item) => item.decision?.decision === 'remove' && !item.removedAt);

  if (detail.campaign.completedAt) {
    // In the place of the button that was pressed, and focused: brought into view, and read out, at once.
    return done === undefined ? null : (
      <p className="notice success" role="status" tabIndex={-1} ref={focusOnAppear} data-testid="campaign-completed">
        {t('campaigns.completedNotice', { count: done })}
      </p>
    );
  }
  return (
    <section className="final-step" aria-labelledby="final-step-title">
      <h2 id="final-step-title">{t('campaigns.finalTitle')}</h2>
      <p>{t('campaigns.finalIntro')}</p>
      {undecided > 0 && <p className="muted">{t('campaigns.finalUndecided', { count: undecided })}</p>}
      <CommandButton className="danger" disabled={undecided > 0 || completing} aria-busy={completing || undefined} onClick={() => setConfirming(true)}>
        {t('campaigns.complete')}
      </CommandButton>
      {confirming && (
        <ConfirmDialog
          title={t('campaigns.confirmTitle', { count: removals.length })}
          confirmLabel={t('campaigns.confirm')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void complete().then((ok) => {
              if (ok) setDone(removals.length);
            });
          }}
        >
          {removals.length === 0 ? (
            <p>{t('campaigns.confirmNone')}</p>
          ) : (
            <>
              <p>{t('campaigns.confirmIntro')}</p>
              <ul data-testid="confirm-removals">
                {removals.map((item) => (
                  <li key={item.grantId}>
                    {item.vendorName} – {item.groupFullName}
                  </li>
                ))}
              </ul>
            </>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
