import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionFilter } from '../../common/contract';
import { formatMinuteOfDay } from '../../common/review/review-settings';
import { SESSION_PLACES, type SessionListItem } from '../../common/sessions/remote-session-list';
import { describeWorkdays } from '../../common/sessions/session-words';
import { isIsoDay } from '../../common/time/day-input';
import { osloCalendarDate } from '../../common/time/oslo-time';
import { DayFilterField } from '../components/DayFilterField';
import { ErrorMessage } from '../components/ErrorMessage';
import { FilterSelect, type FilterOption } from '../components/FilterSelect';
import { formatDateTime } from '../components/relative-time';
import { WarningIcon } from '../components/sessions/WarningIcon';
import { DataTable } from '../components/table/DataTable';
import { isLanguage } from '../i18n/messages';
import { selectIsSimulated, useEngineStore } from '../stores/engine-store';
import { selectSessionError, selectSessionExported, selectSessionFacets, selectSessionFilter, selectSessionList, useRemoteSessionStore } from '../stores/remote-session-store';
import { selectReviewSettings, useReviewSettingsStore } from '../stores/review-settings-store';

const KINDS = ['desktop', 'terminal', 'files', 'other'] as const;
const CONSENTS = ['notNeeded', 'asked', 'given', 'refused'] as const;
type Choice = 'place' | 'vendorId' | 'groupId' | 'userId' | 'kind' | 'consent' | 'outsideWorkingHours';

/**
 * Fjernhjelpsøkter: every remote-support session on the organisation's machines, and its own technicians'
 * on other organisations' machines ("Hvor"), from the cache, newest first: who (user and vendor), on which
 * machine of which group, when, how, whether the person at the machine had to approve, and whether it lay
 * outside working hours. Filtered in main (the log can be
 * long), sorted by any column, exported to CSV and PDF as filtered.
 */
export function RemoteSessionsScreen() {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'nb';
  const filter = useRemoteSessionStore(selectSessionFilter);
  const list = useRemoteSessionStore(selectSessionList);
  const facets = useRemoteSessionStore(selectSessionFacets);
  const error = useRemoteSessionStore(selectSessionError);
  const exported = useRemoteSessionStore(selectSessionExported);
  const { load, exportFile } = useRemoteSessionStore();
  const settings = useReviewSettingsStore(selectReviewSettings);
  const loadSettings = useReviewSettingsStore((state) => state.load);
  const simulated = useEngineStore(selectIsSimulated);
  // The date fields' text as typed: a day being typed filters nothing until it is a whole day.
  const [days, setDays] = useState({ from: filter.from ?? '', to: filter.to ?? '' });
  useEffect(() => {
    void load();
    void loadSettings();
  }, [load, loadSettings]);

  const ask = (change: Partial<SessionFilter>) => {
    const next: SessionFilter = { ...filter, ...change };
    for (const key of Object.keys(next) as Array<keyof SessionFilter>) if (next[key] === undefined) delete next[key];
    void load(next);
  };
  const setDay = (key: 'from' | 'to', value: string) => {
    setDays({ ...days, [key]: value });
    if (value === '' || isIsoDay(value)) ask({ [key]: value || undefined });
  };

  const words = (key: 'place' | 'kind' | 'consent', value: string) => t(`sessions.words.${key}.${value}` as 'sessions.words.kind.desktop');
  const vendorText = (session: SessionListItem) => session.vendorName ?? t('sessions.words.unknownVendor');
  const userText = (session: SessionListItem) => (session.userId ? session.username : t('sessions.unknownUser', { username: session.username }));
  /** The end without its date when the session ended on the Oslo day it started: "06:03–06:33". */
  const endText = (session: SessionListItem) => {
    if (!session.endedAt) return t('sessions.words.open').toLocaleLowerCase(i18n.language);
    const end = formatDateTime(session.endedAt, i18n.language);
    const sameDay = osloCalendarDate(new Date(session.endedAt)) === osloCalendarDate(new Date(session.startedAt));
    return sameDay ? end.slice(end.indexOf(' ') + 1) : end;
  };
  // A spaced dash, as a range whose start has a space in it is written: the column may then wrap after the date
  // or the start time, so the table fits a 900 px window.
  const timeText = (session: SessionListItem) => `${formatDateTime(session.startedAt, i18n.language)} – ${endText(session)}`;
  const outsideText = (session: SessionListItem) => (session.outsideWorkingHours ? t('sessions.words.yes') : '');
  /** Only our technicians' sessions at others say so: the sessions on our own machines are the screen's usual case. */
  const placeNote = (session: SessionListItem) => (session.place === 'atOthers' ? words('place', session.place) : '');
  const groupText = (session: SessionListItem) => `${session.groupName} ${placeNote(session)}`.trim();

  const select = (key: Choice, label: string, options: readonly FilterOption[]) => {
    const current = filter[key];
    return (
      <FilterSelect
        label={label}
        allLabel={t('sessions.all')}
        value={current === undefined ? undefined : String(current)}
        options={options}
        onChange={(value) => ask({ [key]: value === undefined ? undefined : key === 'outsideWorkingHours' ? value === 'true' : value })}
      />
    );
  };
  const dayField = (key: 'from' | 'to') => <DayFilterField label={t(`sessions.${key}`)} value={days[key]} onChange={(value) => setDay(key, value)} />;

  const sessions = list?.sessions ?? [];
  const filtered = Object.keys(filter).length > 0;
  return (
    <section className="screen" aria-labelledby="sessions-title">
      <h1 id="sessions-title">{t('sessions.title')}</h1>
      <p>{t('sessions.intro')}</p>
      <p className="muted" data-testid="sessions-time-zone">
        {t('sessions.timeZone')}{' '}
        {settings &&
          t('sessions.workingHours', {
            days: describeWorkdays(settings.workdays, language),
            start: formatMinuteOfDay(settings.workdayStart),
            end: formatMinuteOfDay(settings.workdayEnd),
          })}
      </p>
      <div className="filter-row" role="group" aria-label={t('sessions.filters')}>
        {select('place', t('sessions.words.columns.place'), SESSION_PLACES.map((place) => ({ value: place, label: words('place', place) })))}
        {select('vendorId', t('sessions.words.columns.vendor'), (facets?.vendors ?? []).map((vendor) => ({ value: vendor.id, label: vendor.name })))}
        {select('groupId', t('sessions.words.columns.group'), (facets?.groups ?? []).map((group) => ({ value: group.id, label: group.name })))}
        {select('userId', t('sessions.words.columns.user'), (facets?.users ?? []).map((user) => ({ value: user.id, label: user.vendorName ? `${user.username} (${user.vendorName})` : user.username })))}
        {dayField('from')}
        {dayField('to')}
        {select('kind', t('sessions.words.columns.kind'), KINDS.map((kind) => ({ value: kind, label: words('kind', kind) })))}
        {select('consent', t('sessions.words.columns.consent'), CONSENTS.map((consent) => ({ value: consent, label: words('consent', consent) })))}
        {select('outsideWorkingHours', t('sessions.words.columns.outsideWorkingHours'), [
          { value: 'true', label: t('sessions.outsideOnly') },
          { value: 'false', label: t('sessions.insideOnly') },
        ])}
      </div>
      <div className="form-actions">
        <button type="button" className="secondary" onClick={() => void exportFile('csv', language)} disabled={!list || list.total === 0}>
          {t('sessions.exportCsv')}
        </button>
        <button type="button" className="secondary" onClick={() => void exportFile('pdf', language)} disabled={!list || list.total === 0}>
          {t('sessions.exportPdf')}
        </button>
      </div>
      {exported && (
        <p className="notice success" role="status" data-testid="sessions-exported" data-format={exported.format}>
          {t('sessions.exported', { count: exported.rows, path: exported.path })}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
      {list === undefined ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : list.total === 0 ? (
        <p data-testid="sessions-empty">{filtered ? t('sessions.empty') : simulated ? t('sessions.noneSimulated') : t('sessions.none')}</p>
      ) : (
        <>
          <p className="muted" role="status" data-testid="sessions-count">
            {t('sessions.count', { shown: sessions.length, count: list.total })}
            {list.total > sessions.length && ` ${t('sessions.truncated', { shown: sessions.length })}`}
          </p>
          <DataTable
            label={t('sessions.table')}
            rows={sessions}
            rowKey={(session) => session.id}
            sortedBy={{ column: 'time', direction: 'descending' }}
            rowTestId="session-row"
            rowData={(session) => ({
              'data-session-id': session.id,
              'data-group-id': session.groupId,
              'data-place': session.place,
              'data-vendor': session.vendorName ?? undefined,
              'data-outside-hours': String(session.outsideWorkingHours),
            })}
            columns={[
              {
                id: 'time',
                header: t('sessions.words.columns.time'),
                // A session is known by when it was: its time heads the row.
                rowHeader: true,
                text: timeText,
                sort: { kind: 'time', value: (session) => session.startedAt },
                render: (session) => (
                  <>
                    <time dateTime={session.startedAt}>{formatDateTime(session.startedAt, i18n.language)}</time> –{' '}
                    {session.endedAt ? <time dateTime={session.endedAt}>{endText(session)}</time> : <span className="session-open">{endText(session)}</span>}
                  </>
                ),
              },
              { id: 'vendor', header: t('sessions.words.columns.vendor'), text: vendorText, sort: { kind: 'text', value: vendorText } },
              { id: 'user', header: t('sessions.words.columns.user'), fit: 'cut', text: userText, sort: { kind: 'text', value: userText } },
              {
                id: 'group',
                header: t('sessions.words.columns.group'),
                // Where it was, under the group: nine columns already fill a 900 px window, and the group is the place.
                text: groupText,
                sort: { kind: 'text', value: (session) => session.groupName },
                cellData: (session) => ({ 'data-testid': 'session-group', 'data-place': session.place }),
                render: (session) => (
                  <>
                    {session.groupName}
                    {session.place === 'atOthers' && <span className="session-place">{placeNote(session)}</span>}
                  </>
                ),
              },
              { id: 'device', header: t('sessions.words.columns.device'), fit: 'cut', text: (session) => session.deviceName, sort: { kind: 'text', value: (session) => session.deviceName } },
              { id: 'kind', header: t('sessions.words.columns.kind'), text: (session) => words('kind', session.kind), sort: { kind: 'text', value: (session) => words('kind', session.kind) } },
              {
                id: 'consent',
                header: t('sessions.words.columns.consent'),
                text: (session) => words('consent', session.consent),
                sort: { kind: 'text', value: (session) => words('consent', session.consent) },
              },
              {
                id: 'outside',
                header: t('sessions.words.columns.outsideWorkingHours'),
                // The header wraps ("Utenfor / arbeidstid"), so nine columns fit a 900 px window; the flag is one short word.
                text: outsideText,
                sort: { kind: 'text', value: outsideText },
                cellData: (session) => ({ 'data-testid': 'session-outside', 'data-outside-hours': String(session.outsideWorkingHours) }),
                render: (session) =>
                  session.outsideWorkingHours ? (
                    <span className="usage-flag">
                      <WarningIcon />
                      {outsideText(session)}
                    </span>
                  ) : null,
              },
            ]}
          />
        </>
      )}
    </section>
  );
}
