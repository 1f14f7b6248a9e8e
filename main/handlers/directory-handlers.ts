import type { Vendor } from '../../common/portal/portal-types';
import { filterAuditEvents } from '../../common/audit/audit-filter';
import { auditNameIndex } from '../../common/audit/audit-names';
import { foldForSearch } from '../../common/validation/search-fold';
import { auditCsvFileName, auditEventsCsv } from '../export/audit-csv';
import { writeOwnerOnlyFile } from '../files/write-owner-only-file';
import { PortalError } from '../ipc/portal-error';
import type { HandlerDeps, HandlerGroup } from './handler-deps';

type Channels = 'vendors.search' | 'accessibleGroups.list' | 'audit.list' | 'audit.exportCsv';

export function directoryHandlers({ core, now }: HandlerDeps): HandlerGroup<Channels> {
  const signedIn = () => {
    const workspace = core.workspace();
    workspace.requireSignedIn();
    return workspace;
  };
  return {
    'vendors.search': async ({ query, limit }) => {
      const workspace = signedIn();
      try {
        return (await workspace.client.request<Vendor[]>('GET', 'vendors', { query: { query, limit } })).data;
      } catch (error) {
        if (!(error instanceof PortalError && error.code === 'OFFLINE')) throw error;
        return searchCachedVendors(workspace.repositories.vendors.all(), query, limit);
      }
    },
    'accessibleGroups.list': async () => signedIn().repositories.accessibleGroups.all(),
    'audit.list': async ({ limit }) => signedIn().repositories.auditEvents.all().slice(0, limit),
    'audit.exportCsv': async ({ filter, language }) => {
      const all = signedIn().repositories.auditEvents.all();
      const events = filterAuditEvents(all, filter);
      const chosen = await core.chooseSavePath(auditCsvFileName(now()));
      if (!chosen) return null;
      // Named from the whole log, as on the screen: a filtered-out event can still name a group.
      const path = await writeOwnerOnlyFile(chosen, auditEventsCsv(events, language, auditNameIndex(all)));
      core.logger.info('audit.exported', { path, rows: events.length });
      return { path, rows: events.length };
    },
  };
}

/** The same rule as the portal's search: case- and diacritics-insensitive, prefix matches first. */
export function searchCachedVendors(vendors: readonly Vendor[], query: string, limit: number): Vendor[] {
  const folded = foldForSearch(query);
  if (!folded) return vendors.slice(0, limit);
  const prefix: Vendor[] = [];
  const inside: Vendor[] = [];
  for (const vendor of vendors) {
    const key = foldForSearch(vendor.name);
    if (key.startsWith(folded)) prefix.push(vendor);
    else if (key.includes(folded)) inside.push(vendor);
  }
  return [...prefix, ...inside].slice(0, limit);
}
