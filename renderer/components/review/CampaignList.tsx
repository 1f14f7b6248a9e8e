import { useTranslation } from 'react-i18next';
import type { ReviewCampaign } from '../../../common/review/review-campaign';
import { localDay } from '../../../common/review/review-rules';
import { formatDateTime, formatDay } from '../relative-time';
import { selectNavigate, useNavigationStore } from '../../stores/navigation-store';

/** The campaigns, newest first, each with its progress, status and what still waits to be sent. */
export function CampaignList({ campaigns }: { campaigns: readonly ReviewCampaign[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigationStore(selectNavigate);
  const today = localDay(new Date());
  if (campaigns.length === 0) return <p className="muted">{t('campaigns.none')}</p>;
  return (
    <table className="data-table" aria-label={t('campaigns.table')}>
      <thead>
        <tr>
          <th scope="col">{t('campaigns.name')}</th>
          <th scope="col">{t('campaigns.dueDate')}</th>
          <th scope="col">{t('campaigns.status')}</th>
        </tr>
      </thead>
      <tbody>
        {campaigns.map((campaign) => (
          <tr key={campaign.id} data-testid="campaign-row">
            <td>
              <a
                href={`#/campaign/${encodeURIComponent(campaign.id)}`}
                onClick={(event) => {
                  event.preventDefault();
                  navigate({ screen: 'campaign', id: campaign.id });
                }}
              >
                {campaign.name}
              </a>
            </td>
            <td>{formatDay(campaign.dueDate, i18n.language)}</td>
            <td>
              <CampaignStatus campaign={campaign} today={today} language={i18n.language} />
              <span className="muted"> · {t('campaigns.progress', { decided: campaign.decidedCount, total: campaign.itemCount })}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CampaignStatus({ campaign, today, language }: { campaign: ReviewCampaign; today: string; language: string }) {
  const { t } = useTranslation();
  if (campaign.completedAt) return <>{t('campaigns.completed', { when: formatDateTime(campaign.completedAt, language) })}</>;
  if (campaign.dueDate < today) return <span className="attention-text">{t('campaigns.overdue')}</span>;
  return <>{t('campaigns.open')}</>;
}
