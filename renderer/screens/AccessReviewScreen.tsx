import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPIRING_SOON_DAYS, filterReviewRows, reviewRows, type ReviewFilter, type ReviewRow } from '../../common/review/access-review-filter';
import { compareNames } from '../../common/sorting/name-collation';
import { ErrorMessage } from '../components/ErrorMessage';
import { SimulatedNotice } from '../components/engine/SimulatedNotice';
import { CampaignList } from '../components/review/CampaignList';
import { EngineFindingsSection } from '../components/review/EngineFindingsSection';
import { NewCampaignForm } from '../components/review/NewCampaignForm';
import { formatDateTime, timeAgo } from '../components/relative-time';
import { DataTable } from '../components/table/DataTable';
import { selectCampaignError, selectCampaigns, selectLastReviews, useCampaignStore } from '../stores/campaign-store';
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
  const [filter, setFilter] = useState<ReviewFilter>({});
  const [starting, setStarting] = useState(false);
  const ids = { group: useId(), vendor: useId(), mode: useId(), expiring: useId(), reviewed: useId() };
  useEffect(() => {
    void load();
    void loadCampaigns();
  }, [load, loadCampaigns]);

  // "Soon" is measured from when the screen opened: re-deriving 100 000 rows on every render would not fit a frame.
  const [now] = useState(() => Date.now());
  const rows = useMemo(() => reviewRows(grants ?? [], groups, now, lastReviews), [grants, groups, now, lastReviews]);
  const shown = useMemo(() => filterReviewRows(rows, filter, now), [rows, filter, now]);
  const vendors = useMemo(() => [...new Map(rows.map((row) => [row.grant.vendor.id, row.grant.vendor.name])).entries()].sort((a, b) => compareNames(a[1], b[1])), [rows]);
  const groupChoices = useMemo(() => [...new Map(rows.map((row) => [row.grant.groupId, row.groupName])).entries()].sort((a, b) => compareNames(a[1], b[1])), [rows]);
  const update = (change: Partial<ReviewFilter>) => setFilter({ ...filter, ...change });
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
      <div className="filter-row">
        <div className="field">
          <label htmlFor={ids.group}>{t('review.group')}</label>
          <select id={ids.group} value={filter.groupId ?? ''} onChange={(event) => update({ groupId: event.target.value || undefined })}>
            <option value="">{t('review.all')}</option>
            {groupChoices.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.vendor}>{t('review.vendor')}</label>
          <select id={ids.vendor} value={filter.vendorId ?? ''} onChange={(event) => update({ vendorId: event.target.value || undefined })}>
            <option value="">{t('review.all')}</option>
            {vendors.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.mode}>{t('review.mode')}</label>
          <select
            id={ids.mode}
            value={filter.mode ?? ''}
            onChange={(event) => update({ mode: event.target.value === 'with_approval' || event.target.value === 'without_approval' ? event.target.value : undefined })}
          >
            <option value="">{t('review.all')}</option>
            <option value="with_approval">{t('review.withApproval')}</option>
            <option value="without_approval">{t('review.withoutApproval')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.expiring}>{t('review.expiring')}</label>
          <select id={ids.expiring} value={filter.expiringWithinDays ?? ''} onChange={(event) => update({ expiringWithinDays: event.target.value ? Number(event.target.value) : undefined })}>
            <option value="">{t('review.all')}</option>
            {EXPIRY_WINDOWS.map((days) => (
              <option key={days} value={days}>
                {t('review.days', { count: days })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.reviewed}>{t('campaigns.reviewedFilter')}</label>
          <select id={ids.reviewed} value={filter.neverReviewed ? 'never' : ''} onChange={(event) => update({ neverReviewed: event.target.value === 'never' || undefined })}>
            <option value="">{t('review.all')}</option>
            <option value="never">{t('campaigns.reviewedNever')}</option>
          </select>
        </div>
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
                fit: 'whole',
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
