import { useEffect, useId, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ReviewDecisionKind, ReviewItemState } from '../../common/review/review-campaign';
import { recommend, usageWindow } from '../../common/review/review-recommendation';
import { justificationRequired } from '../../common/review/review-rules';
import { ErrorMessage } from '../components/ErrorMessage';
import { fieldError } from '../components/field-errors';
import { FilterSelect } from '../components/FilterSelect';
import { formatDateTime, formatDay } from '../components/relative-time';
import { CampaignStatus } from '../components/review/CampaignList';
import { ApplyRecommendations } from '../components/review/ApplyRecommendations';
import { BulkDecision } from '../components/review/BulkDecision';
import { CompleteCampaignPanel } from '../components/review/CompleteCampaignPanel';
import { DecisionButtons } from '../components/review/DecisionButtons';
import { JustificationDialog } from '../components/review/JustificationDialog';
import { recommendationCellText, RecommendationCell } from '../components/review/UsageEvidence';
import { DataTable } from '../components/table/DataTable';
import { selectCampaignDetail, selectCampaignError, selectCampaignExported, selectDecideErrors, useCampaignStore } from '../stores/campaign-store';
import { selectGrantUsageByGrant, selectGrantUsageReport, useGrantUsageStore } from '../stores/grant-usage-store';
import { selectNavigate, useNavigationStore } from '../stores/navigation-store';

type Shown = 'all' | 'undecided' | 'remove';

/** One review campaign: a decision per grant (offline), exports for the auditor, and the final online step. */
export function ReviewCampaignScreen({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const detail = useCampaignStore(selectCampaignDetail);
  const error = useCampaignStore(selectCampaignError);
  const decideErrors = useCampaignStore(selectDecideErrors);
  const exported = useCampaignStore(selectCampaignExported);
  const { open, close, decide, exportReport } = useCampaignStore();
  const navigate = useNavigationStore(selectNavigate);
  const [shown, setShown] = useState<Shown>('all');
  const [mode, setMode] = useState<ReviewItemState['mode'] | undefined>(undefined);
  const [justifying, setJustifying] = useState<ReviewItemState | undefined>(undefined);
  const showId = useId();
  const usageReport = useGrantUsageStore(selectGrantUsageReport);
  const usageByGrant = useGrantUsageStore(selectGrantUsageByGrant);
  const loadUsage = useGrantUsageStore((state) => state.load);
  useEffect(() => {
    void open(id);
    void loadUsage();
    return () => close();
  }, [id, open, close, loadUsage]);
  const usage = useMemo(() => (usageReport ? usageWindow(usageReport, usageByGrant) : undefined), [usageReport, usageByGrant]);
  // Per grant, judged as the access review judges it; a removed grant needs no advice.
  const recommendations = useMemo(
    () => new Map((detail?.items ?? []).map((item) => [item.grantId, usage && !item.removedAt ? recommend(usage.byGrant.get(item.grantId), usage.at, usage.days) : undefined])),
    [detail, usage],
  );

  const items = useMemo(
    () =>
      (detail?.items ?? []).filter(
        (item) =>
          (shown === 'undecided' ? !item.decision : shown === 'remove' ? item.decision?.decision === 'remove' : true) && (!mode || item.mode === mode),
      ),
    [detail, shown, mode],
  );
  if (!detail) return <section className="screen">{error ? <ErrorMessage error={error} /> : <p aria-busy="true">{t('common.loading')}</p>}</section>;
  const { campaign } = detail;
  const language = i18n.language === 'en' ? 'en' : 'nb';
  const locked = campaign.completedAt !== null;

  const outsideHours = (item: ReviewItemState) => usageByGrant.get(item.grantId)?.usedOutsideHours === true;
  const modeText = (item: ReviewItemState) => (item.mode === 'with_approval' ? t('review.withApproval') : t('review.withoutApproval'));
  const onDecide = (item: ReviewItemState, decision: ReviewDecisionKind) => {
    if (justificationRequired(item.mode, decision)) setJustifying(item);
    else void decide(item.grantId, decision);
  };

  return (
    <section className="screen" aria-labelledby="campaign-title">
      <p>
        <a
          href="#/review"
          onClick={(event) => {
            event.preventDefault();
            navigate({ screen: 'review' });
          }}
        >
          {t('campaigns.back')}
        </a>
      </p>
      <h1 id="campaign-title">{campaign.name}</h1>
      <p>
        <CampaignStatus campaign={campaign} now={new Date()} language={i18n.language} /> · {t('campaigns.due', { date: formatDay(campaign.dueDate, i18n.language) })} ·{' '}
        {t('campaigns.startedBy', { when: formatDateTime(campaign.startedAt, i18n.language), who: campaign.startedBy })}
      </p>
      <p data-testid="campaign-progress">{t('campaigns.progress', { decided: campaign.decidedCount, total: campaign.itemCount })}</p>
      <p className="muted" role="status" data-testid="campaign-unpushed" data-unpushed={campaign.unpushedCount}>
        {campaign.unpushedCount > 0 ? t('campaigns.unpushed', { count: campaign.unpushedCount }) : t('campaigns.allPushed')}
      </p>
      {campaign.pushError && <p className="notice">{t('campaigns.pushError', { error: campaign.pushError })}</p>}
      {error && <ErrorMessage error={error} />}

      <div className="form-actions">
        <button type="button" className="secondary" onClick={() => void exportReport('csv', language)}>
          {t('campaigns.exportCsv')}
        </button>
        <button type="button" className="secondary" onClick={() => void exportReport('pdf', language)}>
          {t('campaigns.exportPdf')}
        </button>
      </div>
      {exported && (
        <p className="notice success" role="status" data-testid="campaign-exported" data-kind={exported.kind}>
          {t('campaigns.exported', { count: exported.rows, path: exported.path })}
        </p>
      )}

      <div className="filter-row">
        <div className="field">
          <label htmlFor={showId}>{t('campaigns.show')}</label>
          <select id={showId} value={shown} onChange={(event) => setShown(event.target.value as Shown)}>
            <option value="all">{t('campaigns.showAll')}</option>
            <option value="undecided">{t('campaigns.showUndecided')}</option>
            <option value="remove">{t('campaigns.showRemove')}</option>
          </select>
        </div>
        <FilterSelect
          label={t('campaigns.mode')}
          allLabel={t('review.all')}
          value={mode}
          options={[
            { value: 'with_approval', label: t('review.withApproval') },
            { value: 'without_approval', label: t('review.withoutApproval') },
          ]}
          onChange={(value) => setMode(value === 'with_approval' || value === 'without_approval' ? value : undefined)}
        />
      </div>
      {usage && !locked && <p className="muted">{t('review.recommendation.about', { count: usage.days })}</p>}
      <ApplyRecommendations items={detail.items} usage={usage} disabled={locked} />
      <BulkDecision shown={items} disabled={locked} />
      <DataTable
        label={t('campaigns.itemsTable')}
        rows={items}
        rowKey={(item) => item.grantId}
        sortedBy={{ column: 'group', direction: 'ascending' }}
        rowTestId="campaign-item"
        estimatedRowHeight={52}
        columns={[
          {
            id: 'group',
            header: t('campaigns.group'),
            text: (item) => item.groupFullName,
            sort: { kind: 'text', value: (item) => item.groupFullName },
          },
          {
            id: 'vendor',
            header: t('campaigns.vendor'),
            text: (item) => item.vendorName,
            sort: { kind: 'text', value: (item) => item.vendorName },
          },
          {
            id: 'mode',
            header: t('campaigns.mode'),
            text: modeText,
            sort: { kind: 'text', value: modeText },
            fit: 'words',
            cellClass: (item) => (item.mode === 'without_approval' && !item.expiresAt ? 'attention' : undefined),
          },
          {
            id: 'expires',
            header: t('campaigns.expires'),
            text: (item) => (item.expiresAt ? formatDateTime(item.expiresAt, i18n.language) : t('review.never')),
            sort: { kind: 'time', value: (item) => item.expiresAt ?? null },
          },
          {
            id: 'recommendation',
            header: t('review.recommendation.column'),
            text: (item) => (item.removedAt ? '' : recommendationCellText(t, recommendations.get(item.grantId), outsideHours(item), i18n.language)),
            sort: { kind: 'time', value: (item) => recommendations.get(item.grantId)?.lastUsedAt ?? null },
            cellData: (item) => ({ 'data-recommendation': recommendations.get(item.grantId)?.kind }),
            // A removed grant needs no advice.
            render: (item) => (item.removedAt ? null : <RecommendationCell recommendation={recommendations.get(item.grantId)} outsideHours={outsideHours(item)} />),
          },
          {
            id: 'decision',
            header: t('campaigns.decision'),
            text: (item) => decisionText(t, item, i18n.language),
            sort: { kind: 'text', value: (item) => decisionLabel(t, item) },
            cellData: (item) => ({ 'data-decision': item.decision?.decision ?? 'none' }),
            render: (item) => {
              const refused = decideErrors.get(item.grantId);
              return (
                <>
                  <DecisionText item={item} language={i18n.language} />
                  {refused && <span className="field-error"> {fieldError(t, refused, 'justification', t('campaigns.justification')) ?? t(`errors.${refused.code}`)}</span>}
                </>
              );
            },
          },
          {
            id: 'actions',
            header: t('campaigns.actions'),
            fit: 'whole',
            render: (item) => <DecisionButtons item={item} disabled={locked} onDecide={(decision) => onDecide(item, decision)} />,
          },
        ]}
      />
      <CompleteCampaignPanel detail={detail} />
      {justifying && (
        <JustificationDialog
          intro={t('campaigns.justifyIntro', { vendor: justifying.vendorName, group: justifying.groupFullName })}
          initial={justifying.decision?.justification ?? ''}
          portalMessage={fieldError(t, decideErrors.get(justifying.grantId), 'justification', t('campaigns.justification'))}
          onCancel={() => setJustifying(undefined)}
          onSave={(text) =>
            void decide(justifying.grantId, 'keep', text).then((saved) => {
              if (saved) setJustifying(undefined);
            })
          }
        />
      )}
    </section>
  );
}

/** "Beholdes", "Fjernes", "Ikke vurdert" or when it was removed: what the decision column sorts by. */
function decisionLabel(t: TFunction, item: ReviewItemState): string {
  if (item.removedAt) return t('campaigns.removedLabel');
  if (!item.decision) return t('campaigns.undecided');
  return item.decision.decision === 'keep' ? t('campaigns.kept') : t('campaigns.toRemove');
}

/** The decision cell as plain text (sizes its column). */
function decisionText(t: TFunction, item: ReviewItemState, language: string): string {
  if (item.removedAt) return t('campaigns.removed', { when: formatDateTime(item.removedAt, language) });
  if (!item.decision) return t('campaigns.undecided');
  const by = t('campaigns.decidedBy', { who: item.decision.decidedBy, when: formatDateTime(item.decision.decidedAt, language) });
  return [decisionLabel(t, item), by, item.decision.justification].filter(Boolean).join(' ');
}

function DecisionText({ item, language }: { item: ReviewItemState; language: string }) {
  const { t } = useTranslation();
  if (item.removedAt) return <strong>{t('campaigns.removed', { when: formatDateTime(item.removedAt, language) })}</strong>;
  if (!item.decision) return <span className="muted">{t('campaigns.undecided')}</span>;
  return (
    <>
      <strong>{item.decision.decision === 'keep' ? t('campaigns.kept') : t('campaigns.toRemove')}</strong>{' '}
      <span className="muted">{t('campaigns.decidedBy', { who: item.decision.decidedBy, when: formatDateTime(item.decision.decidedAt, language) })}</span>
      {item.decision.justification && <span className="justification">{item.decision.justification}</span>}
    </>
  );
}
