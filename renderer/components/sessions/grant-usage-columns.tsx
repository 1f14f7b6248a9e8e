import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Grant } from '../../../common/portal/portal-types';
import type { GrantUsage } from '../../../common/sessions/remote-session-list';
import { osloCalendarDate } from '../../../common/time/oslo-time';
import { selectGrantUsageByGrant, selectGrantUsageWindowDays, useGrantUsageStore } from '../../stores/grant-usage-store';
import { formatDay } from '../relative-time';
import type { DataColumn } from '../table/data-column';
import { WarningIcon } from './WarningIcon';

/**
 * The evidence of use as two columns of any table of grants (the group's "Leverandører med tilgang", the
 * access review): "Sist brukt" (the Oslo date, or "Aldri brukt") and "Økter siste N dager" (N from the
 * review settings), the latter with a flag, text and icon, when access without approval was used outside
 * working hours in that window. Reads the usage from the cache when the table first shows.
 */
export function useGrantUsageColumns<T>(grantOf: (row: T) => Grant): DataColumn<T>[] {
  const { t, i18n } = useTranslation();
  const byGrant = useGrantUsageStore(selectGrantUsageByGrant);
  const days = useGrantUsageStore(selectGrantUsageWindowDays);
  const load = useGrantUsageStore((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);

  const usageOf = (row: T): GrantUsage | undefined => byGrant.get(grantOf(row).id);
  const lastUsedText = (row: T): string => {
    const lastUsedAt = usageOf(row)?.lastUsedAt;
    return lastUsedAt ? formatDay(osloCalendarDate(new Date(lastUsedAt)), i18n.language) : t('sessions.usage.neverUsed');
  };
  const count = (row: T): number => usageOf(row)?.sessionsInWindow ?? 0;
  const flagged = (row: T): boolean => usageOf(row)?.usedOutsideHours === true;
  const sessionsText = (row: T): string => (flagged(row) ? `${count(row)} ${t('sessions.usage.outsideHours')}` : String(count(row)));

  return [
    {
      id: 'lastUsed',
      header: t('sessions.usage.lastUsed'),
      text: lastUsedText,
      sort: { kind: 'time', value: (row) => usageOf(row)?.lastUsedAt ?? null },
      cellData: (row) => ({ 'data-testid': 'grant-last-used', 'data-last-used': usageOf(row)?.lastUsedAt ?? 'never' }),
      render: (row) => (usageOf(row)?.lastUsedAt ? lastUsedText(row) : <span className="muted">{lastUsedText(row)}</span>),
    },
    {
      id: 'sessions',
      header: t('sessions.usage.sessions', { count: days ?? 90 }),
      text: sessionsText,
      sort: { kind: 'number', value: count },
      cellClass: (row) => (flagged(row) ? 'attention' : undefined),
      cellData: (row) => ({ 'data-testid': 'grant-sessions', 'data-outside-hours': String(flagged(row)) }),
      render: (row) =>
        flagged(row) ? (
          <>
            {count(row)}{' '}
            <span className="usage-flag" title={t('sessions.usage.outsideHoursAbout', { count: days ?? 90 })}>
              <WarningIcon />
              {t('sessions.usage.outsideHours')}
            </span>
          </>
        ) : (
          count(row)
        ),
    },
  ];
}
