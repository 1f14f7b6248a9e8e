import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  auditActionLabel,
  auditActorLabel,
  auditChanges,
  auditObjectLabel,
  auditObjectTypeLabel,
  auditTimeLabel,
} from '../../common/audit/audit-description';
import { auditFacets, filterAuditEvents, type AuditFilter } from '../../common/audit/audit-filter';
import { auditNameIndex } from '../../common/audit/audit-names';
import type { AuditEvent } from '../../common/portal/portal-types';
import { isIsoDay } from '../../common/time/day-input';
import { AuditChangeList } from '../components/audit/AuditChangeList';
import { DayFilterField } from '../components/DayFilterField';
import { ErrorMessage } from '../components/ErrorMessage';
import { FilterSelect } from '../components/FilterSelect';
import { DataTable } from '../components/table/DataTable';
import { isLanguage } from '../i18n/messages';
import { selectAuditError, selectAuditEvents, selectAuditExported, useAuditStore } from '../stores/audit-store';

type Choice = 'actor' | 'action' | 'objectType';

/**
 * Revisjonslogg: the audit events from the cache, filterable by date range, actor, action and object
 * type, each with its object named and its changes as a before → after list opened under its row, and
 * exportable to CSV in the same words.
 */
export function AuditScreen() {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'nb';
  const events = useAuditStore(selectAuditEvents);
  const error = useAuditStore(selectAuditError);
  const exported = useAuditStore(selectAuditExported);
  const { load, exportCsv } = useAuditStore();
  const [choices, setChoices] = useState<Pick<AuditFilter, Choice>>({});
  const [days, setDays] = useState({ from: '', to: '' });
  const [openId, setOpenId] = useState<number | undefined>();
  const changesId = useId();
  useEffect(() => {
    void load();
  }, [load]);

  // A date being typed filters nothing until it is a whole day.
  const filter = useMemo<AuditFilter>(
    () => ({ ...choices, from: isIsoDay(days.from) ? days.from : undefined, to: isIsoDay(days.to) ? days.to : undefined }),
    [choices, days],
  );
  const known = useMemo(() => auditNameIndex(events ?? []), [events]);
  const facets = useMemo(() => auditFacets(events ?? []), [events]);
  const shown = useMemo(() => filterAuditEvents(events ?? [], filter), [events, filter]);
  const open = openId === undefined ? undefined : shown.find((event) => event.id === openId);
  // A filter that takes the opened event away closes it: it does not come back open with the next filter.
  useEffect(() => {
    if (openId !== undefined && !open) setOpenId(undefined);
  }, [openId, open]);

  const labels: Record<Choice, (value: string) => string> = {
    actor: (username) => auditActorLabel({ actor: { id: username, username } }, language),
    action: (action) => auditActionLabel(action, language),
    objectType: (objectType) => auditObjectTypeLabel(objectType, language),
  };
  const choice = (key: Choice, options: readonly string[]) => (
    <FilterSelect
      label={t(`audit.${key}`)}
      allLabel={t('audit.all')}
      value={choices[key]}
      options={options.map((value) => ({ value, label: labels[key](value) })).sort((a, b) => a.label.localeCompare(b.label, language))}
      onChange={(value) => setChoices({ ...choices, [key]: value })}
    />
  );
  const dayField = (key: 'from' | 'to') => <DayFilterField label={t(`audit.${key}`)} value={days[key]} onChange={(value) => setDays({ ...days, [key]: value })} />;
  const describe = (event: AuditEvent) => ({ action: auditActionLabel(event.action, language), object: auditObjectLabel(event, language, known) });

  return (
    <section className="screen" aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <p className="muted" data-testid="audit-time-zone">
        {t('audit.timeZone')}
      </p>
      <div className="filter-row">
        {dayField('from')}
        {dayField('to')}
        {choice('actor', facets.actors)}
        {choice('action', facets.actions)}
        {choice('objectType', facets.objectTypes)}
      </div>
      {error && <ErrorMessage error={error} />}
      {events === undefined ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : (
        <>
          <p className="muted" role="status" data-testid="audit-count">
            {t('audit.count', { shown: shown.length, count: events.length })}
          </p>
          {shown.length === 0 ? (
            <p>{t('audit.empty')}</p>
          ) : (
            <DataTable
              label={t('audit.table')}
              rows={shown}
              rowKey={(event) => String(event.id)}
              sortedBy={{ column: 'at', direction: 'descending' }}
              rowTestId="audit-row"
              expanded={
                open && {
                  rowKey: String(open.id),
                  testId: 'audit-row-changes',
                  render: (event) => <AuditChangeList id={changesId} changes={auditChanges(event, language)} label={t('audit.details', describe(event))} />,
                }
              }
              columns={[
                {
                  id: 'at',
                  header: t('audit.at'),
                  text: (event) => auditTimeLabel(event, language),
                  sort: { kind: 'time', value: (event) => event.at },
                  render: (event) => <time dateTime={event.at}>{auditTimeLabel(event, language)}</time>,
                },
                {
                  id: 'actor',
                  header: t('audit.actor'),
                  text: (event) => auditActorLabel(event, language),
                  sort: { kind: 'text', value: (event) => auditActorLabel(event, language) },
                },
                {
                  id: 'action',
                  header: t('audit.action'),
                  text: (event) => describe(event).action,
                  sort: { kind: 'text', value: (event) => describe(event).action },
                },
                {
                  id: 'object',
                  header: t('audit.object'),
                  text: (event) => `${auditObjectTypeLabel(event.objectType, language)} ${describe(event).object}`,
                  sort: { kind: 'text', value: (event) => `${auditObjectTypeLabel(event.objectType, language)} ${describe(event).object}` },
                  cellData: () => ({ 'data-testid': 'audit-object' }),
                  render: (event) => (
                    <>
                      <span className="audit-object-type">{auditObjectTypeLabel(event.objectType, language)}</span> {describe(event).object}
                    </>
                  ),
                },
                {
                  id: 'show',
                  header: t('audit.show'),
                  headerHidden: true,
                  fit: 'whole',
                  // Sized for the longer of its two texts, so "Skjul endringer" fits as well as "Vis endringer".
                  text: () => [t('audit.show'), t('audit.hide')].reduce((a, b) => (b.length > a.length ? b : a)),
                  render: (event) => {
                    const { action, object } = describe(event);
                    const isOpen = open?.id === event.id;
                    return (
                      <button
                        type="button"
                        className="link-button"
                        aria-expanded={isOpen}
                        aria-controls={isOpen ? changesId : undefined}
                        aria-label={t(isOpen ? 'audit.hide' : 'audit.showFor', { action, object })}
                        onClick={() => setOpenId(isOpen ? undefined : event.id)}
                      >
                        {t(isOpen ? 'audit.hide' : 'audit.show')}
                      </button>
                    );
                  },
                },
              ]}
            />
          )}
        </>
      )}
      <button type="button" onClick={() => void exportCsv(filter, language)} disabled={shown.length === 0}>
        {t('audit.export')}
      </button>
      {exported && (
        <p className="notice success" data-testid="audit-exported" role="status">
          {t('audit.exported', { count: exported.rows, path: exported.path })}
        </p>
      )}
    </section>
  );
}
