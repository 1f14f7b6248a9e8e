import { useEffect, useId, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ReviewDecisionKind, ReviewItemState } from '../../common/review/review-campaign';
import { justificationRequired, localDay } from '../../common/review/review-rules';
import { ErrorMessage } from '../components/ErrorMessage';
import { fieldError } from '../components/field-errors';
import { formatDateTime, formatDay } from '../components/relative-time';
import { CampaignStatus } from '../components/review/CampaignList';
import { BulkDecision } from '../components/review/BulkDecision';
import { CompleteCampaignPanel } from '../components/review/CompleteCampaignPanel';
import { DecisionButtons } from '../components/review/DecisionButtons';
import { JustificationDialog } from '../components/review/JustificationDialog';
import { DataTable } from '../components/table/DataTable';
import { selectCampaignDetail, selectCampaignError, selectCampaignExported, selectDecideErrors, useCampaignStore } from '../stores/campaign-store';
import { selectNavigate, useNavigationStore } from '../stores/navigation-store';

type Shown = 'all' | 'undecided' | 'remove';
type ModeFilter = '' | ReviewItemState['mode'];

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
  const [mode, setMode] = useState<ModeFilter>('');
  const [justifying, setJustifying] = useState<ReviewItemState | undefined>(undefined);
  const showId = useId();
  const modeId = useId();
  useEffect(() => {
    void open(id);
    return () => close();
  }, [id, open, close]);

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
        <CampaignStatus campaign={campaign} today={localDay(new Date())} language={i18n.language} /> · {t('campaigns.due', { date: formatDay(campaign.dueDate, i18n.language) })} ·{' '}
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
        <div className="field">
          <label htmlFor={modeId}>{t('campaigns.mode')}</label>
          <select id={modeId} value={mode} onChange={(event) => setMode(event.target.value as ModeFilter)}>
            <option value="">{t('review.all')}</option>
            <option value="with_approval">{t('review.withApproval')}</option>
            <option value="without_approval">{t('review.withoutApproval')}</option>
          </select>
        </div>
      </div>
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
            fit: 'whole',
            cellClass: (item) => (item.mode === 'without_approval' && !item.expiresAt ? 'attention' : undefined),
          },
          {
            id: 'expires',
            header: t('campaigns.expires'),
            text: (item) => (item.expiresAt ? formatDateTime(item.expiresAt, i18n.language) : t('review.never')),
            sort: { kind: 'time', value: (item) => item.expiresAt ?? null },
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
