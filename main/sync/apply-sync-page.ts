import type { SyncChange, SyncPage } from '../../common/portal/portal-types';
import type { CacheDb } from '../cache/cache-database';
import type { CacheRepositories } from '../cache/cache-repositories';
import type { SyncStateRepository } from '../cache/sync-state-repository';

/**
 * Applies one page and its cursor in ONE transaction: a crash (even SIGKILL) between pages leaves
 * the cache at the previous page's cursor with exactly that page's data, never half a page.
 */
export function applySyncPage(db: CacheDb, repositories: CacheRepositories, state: SyncStateRepository, page: SyncPage): void {
  db.transaction(() => {
    for (const change of inKeyOrder(page.changes)) applyChange(repositories, change);
    state.setCursor(page.cursor);
  })();
}

/**
 * The page's changes by table and id: a page arrives in version order, which scatters its ids over the
 * tables' indexes, and writing them in key order touches each index page once. The sort is stable, so
 * changes of one item keep the page's order; changes of different items do not depend on each other.
 */
function inKeyOrder(changes: readonly SyncChange[]): SyncChange[] {
  return [...changes].sort((a, b) => (a.type !== b.type ? (a.type < b.type ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function applyChange(repositories: CacheRepositories, change: SyncChange): void {
  if (change.op === 'delete') {
    tableFor(repositories, change.type).remove(change.id);
    return;
  }
  switch (change.type) {
    case 'service':
      return repositories.service.put({ ...change.data, id: change.id }, change.version);
    case 'vendor':
      return repositories.vendors.put(change.data, change.version);
    case 'machineGroup':
      return repositories.machineGroups.put(change.data, change.version);
    case 'grant':
      return repositories.grants.put(change.data, change.version);
    case 'accessibleGroup':
      return repositories.accessibleGroups.put(change.data, change.version);
    case 'user':
      return repositories.users.put(change.data, change.version);
    case 'auditEvent':
      return repositories.auditEvents.put(change.data, change.version);
    case 'device':
      return repositories.devices.put(change.data, change.version);
    case 'engineFinding':
      return repositories.engineFindings.put(change.data, change.version);
    case 'remoteSession':
      return repositories.remoteSessions.put(change.data, change.version);
  }
}

function tableFor(repositories: CacheRepositories, type: SyncChange['type']): { remove(id: string): void } {
  const tables = {
    service: repositories.service,
    vendor: repositories.vendors,
    machineGroup: repositories.machineGroups,
    grant: repositories.grants,
    accessibleGroup: repositories.accessibleGroups,
    user: repositories.users,
    auditEvent: repositories.auditEvents,
    device: repositories.devices,
    engineFinding: repositories.engineFindings,
    remoteSession: repositories.remoteSessions,
  } as const;
  return tables[type];
}
