import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ReviewCampaign } from '../../../common/review/review-campaign';
import { campaignOverdue } from '../../../common/review/campaign-deadline';
import { formatDateTime, formatDay } from '../relative-time';
import { selectNavigate, useNavigationStore } from '../../stores/navigation-store';
import { DataTable } from '../table/DataTable';

/** The campaigns, newest first, each with its progress, status and what still waits to be sent. */
export function CampaignList({ campaigns }: { campaigns: readonly ReviewCampaign[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigationStore(selectNavigate);
  const now = new Date();
  if (campaigns.length === 0) return <p className="muted">{t('campaigns.none')}</p>;
  const progress = (campaign: ReviewCampaign) => t('campaigns.progress', { decided: campaign.decidedCount, total: campaign.itemCount });
  return (
    <DataTable
      label={t('campaigns.table')}
      rows={campaigns}
      rowKey={(campaign) => campaign.id}
      rowTestId="campaign-row"
      columns={[
        {
          id: 'name',
          header: t('campaigns.name'),
          text: (campaign) => campaign.name,
          sort: { kind: 'text', value: (campaign) => campaign.name },
          render: (campaign) => (
            <a
              href={`#/campaign/${encodeURIComponent(campaign.id)}`}
              onClick={(event) => {
                event.preventDefault();
                navigate({ screen: 'campaign', id: campaign.id });
              }}
            >
              {campaign.name}
            </a>
          ),
        },
        {
          id: 'due',
          header: t('campaigns.dueDate'),
          text: (campaign) => formatDay(campaign.dueDate, i18n.language),
          sort: { kind: 'time', value: (campaign) => campaign.dueDate },
        },
        {
          id: 'status',
          header: t('campaigns.status'),
          text: (campaign) => `${campaignStatusText(t, campaign, now, i18n.language)} · ${progress(campaign)}`,
          sort: { kind: 'number', value: (campaign) => (campaign.itemCount === 0 ? null : campaign.decidedCount / campaign.itemCount) },
          render: (campaign) => (
            <>
              <CampaignStatus campaign={campaign} now={now} language={i18n.language} />
              <span className="muted"> · {progress(campaign)}</span>
            </>
          ),
        },
      ]}
    />
  );
}

/** "Forfalt" by the rule main's reminders and the PDF report use (common/review/campaign-deadline.ts). */
function campaignStatusText(t: TFunction, campaign: ReviewCampaign, now: Date, language: string): string {
  if (campaign.completedAt) return t('campaigns.completed', { when: formatDateTime(campaign.completedAt, language) });
  return campaignOverdue(campaign, now) ? t('campaigns.overdue') : t('campaigns.open');
}

/** Overdue is said in words ("Forfalt"), and marked besides. */
export function CampaignStatus({ campaign, now, language }: { campaign: ReviewCampaign; now: Date; language: string }) {
  const { t } = useTranslation();
  const text = campaignStatusText(t, campaign, now, language);
  return campaignOverdue(campaign, now) ? (
    <span className="attention-text" data-testid="campaign-overdue">
      {text}
    </span>
  ) : (
    <>{text}</>
  );
}
