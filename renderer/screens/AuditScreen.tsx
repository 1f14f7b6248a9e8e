import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditFacets, filterAuditEvents, type AuditFilter } from '../../common/audit/audit-filter';
import type { AuditEvent } from '../../common/portal/portal-types';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatDateTime } from '../components/relative-time';
import { VirtualTable } from '../components/VirtualTable';
import { selectAuditError, selectAuditEvents, selectAuditExported, useAuditStore } from '../stores/audit-store';

/** Revisjonslogg: the audit events from the cache, filterable by date range, actor, action and object, exportable to CSV. */
export function AuditScreen() {
  const { t, i18n } = useTranslation();
  const events = useAuditStore(selectAuditEvents);
  const error = useAuditStore(selectAuditError);
  const exported = useAuditStore(selectAuditExported);
  const { load, exportCsv } = useAuditStore();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [selected, setSelected] = useState<AuditEvent | undefined>();
  const ids = { from: useId(), to: useId(), actor: useId(), action: useId(), objectType: useId(), details: useId() };
  useEffect(() => {
    void load();
  }, [load]);

  const facets = useMemo(() => auditFacets(events ?? []), [events]);
  const shown = useMemo(() => filterAuditEvents(events ?? [], filter), [events, filter]);
  const set = (key: keyof AuditFilter, value: string) => setFilter({ ...filter, [key]: value || undefined });
  // The portal's action codes (e.g. grant.deleted) read as words; an unknown future code shows as it is.
  const actionLabel = (action: string) => t(`audit.actions.${action.replaceAll('.', '_')}` as 'audit.actions.grant_created', { defaultValue: action });
  const label = (key: 'actor' | 'action' | 'objectType', option: string) => (key === 'action' ? actionLabel(option) : option);
  const choice = (key: 'actor' | 'action' | 'objectType', options: string[]) => (
    <div className="field">
      <label htmlFor={ids[key]}>{t(`audit.${key}`)}</label>
      <select id={ids[key]} value={filter[key] ?? ''} onChange={(event) => set(key, event.target.value)}>
        <option value="">{t('audit.all')}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {label(key, option)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section className="screen" aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <div className="filter-row">
        <div className="field">
          <label htmlFor={ids.from}>{t('audit.from')}</label>
          <input id={ids.from} type="date" value={filter.from ?? ''} onChange={(event) => set('from', event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.to}>{t('audit.to')}</label>
          <input id={ids.to} type="date" value={filter.to ?? ''} onChange={(event) => set('to', event.target.value)} />
        </div>
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
            {t('audit.count', { shown: shown.length, total: events.length })}
          </p>
          {shown.length === 0 ? (
            <p>{t('audit.empty')}</p>
          ) : (
            <VirtualTable
              label={t('audit.table')}
              rows={shown}
              rowKey={(event) => String(event.id)}
              columnCount={5}
              columnWidths={['20%', '15%', '22%', '28%', '15%']}
              rowTestId="audit-row"
              head={
                <>
                  <th scope="col">{t('audit.at')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.object')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('audit.show')}</span>
                  </th>
                </>
              }
              renderCells={(event) => (
                <>
                  <td>{formatDateTime(event.at, i18n.language)}</td>
                  <td>{event.actor.username}</td>
                  <td>{actionLabel(event.action)}</td>
                  <td>
                    {event.objectType} <code>{event.objectId}</code>
                  </td>
                  <td>
                    <button type="button" className="link-button" aria-controls={ids.details} onClick={() => setSelected(event)}>
                      {t('audit.show')}
                    </button>
                  </td>
                </>
              )}
            />
          )}
        </>
      )}
      <div id={ids.details} aria-live="polite">
        {selected && (
          <section className="audit-details" aria-label={t('audit.details', { action: actionLabel(selected.action) })}>
            <h2>{t('audit.details', { action: actionLabel(selected.action) })}</h2>
            <div className="audit-before-after">
              <div>
                <h3>{t('audit.before')}</h3>
                <pre data-testid="audit-before">{selected.before ? JSON.stringify(selected.before, null, 2) : t('audit.none')}</pre>
              </div>
              <div>
                <h3>{t('audit.after')}</h3>
                <pre data-testid="audit-after">{selected.after ? JSON.stringify(selected.after, null, 2) : t('audit.none')}</pre>
              </div>
            </div>
          </section>
        )}
      </div>
      <button type="button" onClick={() => void exportCsv(filter)} disabled={shown.length === 0}>
        {t('audit.export')}
      </button>
      {exported && (
        <p className="notice" data-testid="audit-exported" role="status">
          {t('audit.exported', { rows: exported.rows, path: exported.path })}
        </p>
      )}
    </section>
  );
}
