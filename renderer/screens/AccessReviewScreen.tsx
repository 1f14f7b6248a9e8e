import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPIRING_SOON_DAYS, filterReviewRows, reviewRows, type ReviewFilter, type ReviewRow } from '../../common/review/access-review-filter';
import { usageWindow } from '../../common/review/review-recommendation';
import { compareNames } from '../../common/sorting/name-collation';
import { ErrorMessage } from '../components/ErrorMessage';
import { SimulatedNotice } from '../components/engine/SimulatedNotice';
import { FilterSelect } from '../components/FilterSelect';
import { CampaignList } from '../components/review/CampaignList';
import { EngineFindingsSection } from '../components/review/EngineFindingsSection';
import { NewCampaignForm } from '../components/review/NewCampaignForm';
import { recommendationCellText, RecommendationCell } from '../components/review/UsageEvidence';
import { formatDateTime, timeAgo } from '../components/relative-time';
import { DataTable } from '../components/table/DataTable';
import { selectCampaignError, selectCampaigns, selectLastReviews, useCampaignStore } from '../stores/campaign-store';
import { selectGrantUsageByGrant, selectGrantUsageError, selectGrantUsageReport, useGrantUsageStore } from '../stores/grant-usage-store';
import { routeToHash, selectNavigate, useNavigationStore } from '../stores/navigation-store';
import { selectReviewError, selectReviewExported, selectReviewGrants, selectReviewGroups, useReviewStore } from '../stores/review-store';
import { selectSyncStatus, useSyncStore } from '../stores/sync-store';

const EXPIRY_WINDOWS = [7, 14, 30, 90] as const;

/** Tilgangsgjennomgang: every grant of the organisation in one table, from the cache, with how old the data is. */
export function AccessReviewScreen() {
  const { t, i18n } = useTranslation();
  const grants = useReviewStore(selectReviewGrants);
  const groups = useReviewStore(selectReviewGroups);
  const error = useReviewStore(selectReviewError);
  const load = useReviewStore((state) => state.load);
  const exportCsv = useReviewStore((state) => state.exportCsv);
  const exported = useReviewStore(selectReviewExported);
  const sync = useSyncStore(selectSyncStatus);
  const campaigns = useCampaignStore(selectCampaigns);
  const lastReviews = useCampaignStore(selectLastReviews);
  const campaignError = useCampaignStore(selectCampaignError);
  const loadCampaigns = useCampaignStore((state) => state.load);
  const navigate = useNavigationStore(selectNavigate);
  const usageReport = useGrantUsageStore(selectGrantUsageReport);
  const usageByGrant = useGrantUsageStore(selectGrantUsageByGrant);
  const usageError = useGrantUsageStore(selectGrantUsageError);
  const loadUsage = useGrantUsageStore((state) => state.load);
  const [filter, setFilter] = useState<ReviewFilter>({});
  const [starting, setStarting] = useState(false);
  useEffect(() => {
    void load();
    void loadCampaigns();
    void loadUsage();
  }, [load, loadCampaigns, loadUsage]);

  // "Soon" is measured from when the screen opened: re-deriving 100 000 rows on every render would not fit a frame.
  const [now] = useState(() => Date.now());
  // Judged at the usage report's own moment and window: the advice and its evidence always agree.
  const usage = useMemo(() => (usageReport ? usageWindow(usageReport, usageByGrant) : undefined), [usageReport, usageByGrant]);
  const rows = useMemo(() => reviewRows(grants ?? [], groups, now, lastReviews, usage), [grants, groups, now, lastReviews, usage]);
  const shown = useMemo(() => filterReviewRows(rows, filter, now), [rows, filter, now]);
  const vendors = useMemo(() => [...new Map(rows.map((row) => [row.grant.vendor.id, row.grant.vendor.name])).entries()].sort((a, b) => compareNames(a[1], b[1])), [rows]);
  const groupChoices = useMemo(() => [...new Map(rows.map((row) => [row.grant.groupId, row.groupName])).entries()].sort((a, b) => compareNames(a[1], b[1])), [rows]);
  const update = (change: Partial<ReviewFilter>) => setFilter({ ...filter, ...change });
  const outsideHours = (row: ReviewRow) => usageByGrant.get(row.grant.id)?.usedOutsideHours === true;
  const modeText = (row: ReviewRow) => (row.grant.mode === 'with_approval' ? t('review.withApproval') : t('review.withoutApproval'));
  const lastReviewText = (row: ReviewRow) =>
    row.lastReview
      ? t('campaigns.lastReviewedValue', {
          decision: row.lastReview.decision === 'keep' ? t('campaigns.kept') : t('campaigns.toRemove'),
          when: formatDateTime(row.lastReview.decidedAt, i18n.language),
          campaign: row.lastReview.campaignName,
        })
      : t('campaigns.neverReviewed');

  return (
    <section className="screen" aria-labelledby="review-title">
      <h1 id="review-title">{t('review.title')}</h1>
      <p>{t('review.intro')}</p>
      <SimulatedNotice />
      <p className={sync?.activity === 'offline' ? 'data-age notice' : 'data-age'} role="status" data-testid="review-data-age">
        {sync?.lastSuccessAt
          ? t(sync.activity === 'offline' ? 'review.dataAgeOffline' : 'review.dataAge', {
              when: formatDateTime(sync.lastSuccessAt, i18n.language),
              ago: timeAgo(sync.lastSuccessAt, now, i18n.language),
            })
          : t('review.neverSynced')}
      </p>
      {error && <ErrorMessage error={error} />}
      {usageError && <ErrorMessage error={usageError} />}
      {grants && (
        <p data-testid="review-summary">
          {[
            t('review.summaryGrants', { count: rows.length }),
            t('review.summaryUnattended', { count: rows.filter((row) => row.unattendedForever).length }),
            t('review.summarySoon', { count: rows.filter((row) => row.expiringSoon).length, days: EXPIRING_SOON_DAYS }),
          ].join(' ')}
        </p>
      )}
      <section className="campaigns" aria-labelledby="campaigns-title">
        <h2 id="campaigns-title">{t('campaigns.listTitle')}</h2>
        <p className="muted">{t('campaigns.listIntro')}</p>
        {campaignError && <ErrorMessage error={campaignError} />}
        {campaigns && <CampaignList campaigns={campaigns} />}
        {starting ? (
          <NewCampaignForm
            grantCount={rows.length}
            onCancel={() => setStarting(false)}
            onStarted={(campaign) => {
              setStarting(false);
              navigate({ screen: 'campaign', id: campaign.id });
            }}
          />
        ) : (
          <button type="button" data-opens-form="new-campaign" onClick={() => setStarting(true)} disabled={rows.length === 0}>
            {t('campaigns.start')}
          </button>
        )}
      </section>
      <h2>{t('review.table')}</h2>
      {usage && <p className="muted">{t('review.recommendation.about', { count: usage.days })}</p>}
      <div className="filter-row">
        <FilterSelect
          label={t('review.group')}
          allLabel={t('review.all')}
          value={filter.groupId}
          options={groupChoices.map(([value, label]) => ({ value, label }))}
          onChange={(groupId) => update({ groupId })}
        />
        <FilterSelect
          label={t('review.vendor')}
          allLabel={t('review.all')}
          value={filter.vendorId}
          options={vendors.map(([value, label]) => ({ value, label }))}
          onChange={(vendorId) => update({ vendorId })}
        />
        <FilterSelect
          label={t('review.mode')}
          allLabel={t('review.all')}
          value={filter.mode}
          options={[
            { value: 'with_approval', label: t('review.withApproval') },
            { value: 'without_approval', label: t('review.withoutApproval') },
          ]}
          onChange={(mode) => update({ mode: mode === 'with_approval' || mode === 'without_approval' ? mode : undefined })}
        />
        <FilterSelect
          label={t('review.expiring')}
          allLabel={t('review.all')}
          value={filter.expiringWithinDays === undefined ? undefined : String(filter.expiringWithinDays)}
          options={EXPIRY_WINDOWS.map((days) => ({ value: String(days), label: t('review.days', { count: days }) }))}
          onChange={(days) => update({ expiringWithinDays: days ? Number(days) : undefined })}
        />
        <FilterSelect
          label={t('campaigns.reviewedFilter')}
          allLabel={t('review.all')}
          value={filter.neverReviewed ? 'never' : undefined}
          options={[{ value: 'never', label: t('campaigns.reviewedNever') }]}
          onChange={(reviewed) => update({ neverReviewed: reviewed === 'never' || undefined })}
        />
      </div>
      <div className="form-actions">
        <button type="button" className="secondary" onClick={() => void exportCsv(filter, i18n.language === 'en' ? 'en' : 'nb')} disabled={shown.length === 0}>
          {t('campaigns.exportCsv')}
        </button>
      </div>
      {exported && (
        <p className="notice success" role="status" data-testid="review-exported">
          {t('campaigns.exported', { count: exported.rows, path: exported.path })}
        </p>
      )}
      {grants === undefined ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : shown.length === 0 ? (
        <p>{t('review.empty')}</p>
      ) : (
        <>
          <p className="muted" data-testid="review-count">
            {t('review.count', { shown: shown.length, total: rows.length })}
          </p>
          <DataTable
            label={t('review.table')}
            rows={shown}
            rowKey={(row) => row.grant.id}
            sortedBy={{ column: 'group', direction: 'ascending' }}
            rowTestId="review-row"
            columns={[
              {
                id: 'group',
                header: t('review.group'),
                text: (row) => row.groupName,
                sort: { kind: 'text', value: (row) => row.groupName },
                // The group's own screen, where its vendors' access is changed: a link, so it takes Tab and Enter.
                render: (row) => (
                  <a
                    href={routeToHash({ screen: 'group', id: row.grant.groupId })}
                    onClick={(event) => {
                      event.preventDefault();
                      navigate({ screen: 'group', id: row.grant.groupId });
                    }}
                  >
                    {row.groupName}
                  </a>
                ),
              },
              {
                id: 'vendor',
                header: t('review.vendor'),
                text: (row) => row.grant.vendor.name,
                sort: { kind: 'text', value: (row) => row.grant.vendor.name },
              },
              {
                id: 'mode',
                header: t('review.mode'),
                text: modeText,
                sort: { kind: 'text', value: modeText },
                fit: 'words',
                cellClass: (row) => (row.unattendedForever ? 'attention' : undefined),
                cellData: (row) => ({ 'data-attention': row.unattendedForever ? 'true' : undefined }),
                render: (row) => (
                  <>
                    {modeText(row)}
                    {row.unattendedForever && <span className="visually-hidden"> – {t('review.unattendedForever')}</span>}
                  </>
                ),
              },
              {
                id: 'granted',
                header: t('review.granted'),
                text: (row) => t('review.grantedBy', { when: formatDateTime(row.grant.grantedAt, i18n.language), who: row.grant.grantedBy }),
                sort: { kind: 'time', value: (row) => row.grant.grantedAt },
              },
              {
                id: 'expires',
                header: t('review.expires'),
                text: (row) => (row.grant.expiresAt ? formatDateTime(row.grant.expiresAt, i18n.language) : t('review.never')),
                sort: { kind: 'time', value: (row) => row.grant.expiresAt ?? null },
                cellClass: (row) => (row.expiringSoon ? 'attention' : undefined),
                render: (row) => (
                  <>
                    {row.grant.expiresAt ? formatDateTime(row.grant.expiresAt, i18n.language) : t('review.never')}
                    {row.expiringSoon && <span className="visually-hidden"> – {t('review.expiringSoon')}</span>}
                  </>
                ),
              },
              {
                id: 'recommendation',
                header: t('review.recommendation.column'),
                text: (row) => recommendationCellText(t, row.recommendation, outsideHours(row), i18n.language),
                // Never used first, then the longest unused: the order in which access is worth a look.
                sort: { kind: 'time', value: (row) => row.recommendation?.lastUsedAt ?? null },
                cellData: (row) => ({ 'data-recommendation': row.recommendation?.kind }),
                render: (row) => <RecommendationCell recommendation={row.recommendation} outsideHours={outsideHours(row)} />,
              },
              {
                id: 'lastReviewed',
                header: t('campaigns.lastReviewed'),
                text: lastReviewText,
                sort: { kind: 'time', value: (row) => row.lastReview?.decidedAt ?? null },
                cellData: () => ({ 'data-testid': 'last-reviewed' }),
                render: (row) => (row.lastReview ? lastReviewText(row) : <span className="muted">{lastReviewText(row)}</span>),
              },
            ]}
          />
        </>
      )}
      <EngineFindingsSection groups={groups} />
    </section>
  );
}
