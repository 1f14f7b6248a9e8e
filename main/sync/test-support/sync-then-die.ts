import type { SyncPage } from '../../../common/portal/portal-types';
import { PortalClient } from '../../api/portal-client';
import { openCache } from '../../cache/cache-database';
import { cacheRepositories } from '../../cache/cache-repositories';
import { syncStateRepository } from '../../cache/sync-state-repository';
import { devTokenTransport } from '../../test-support/dev-token-transport';
import { SyncEngine } from '../sync-engine';

/**
 * Test helper process: syncs `<portalUrl>` into `<cacheFile>` with pages of `<pageSize>`, prints the
 * cursor after each applied page, and SIGKILLs itself after `<pages>` pages — a crash between pages.
 */
const [portalUrl, cacheFile, pageSize, pages] = process.argv.slice(2) as [string, string, string, string];
const client = new PortalClient(portalUrl, await devTokenTransport(portalUrl, 'demo.admin'));
const db = openCache(cacheFile);
const state = syncStateRepository(db);
let applied = 0;
const engine = new SyncEngine({
  db,
  repositories: cacheRepositories(db),
  state,
  pageSize: Number(pageSize),
  fetchPage: async (since, limit) => (await client.request<SyncPage>('GET', 'sync', { query: { since, limit } })).data,
  now: () => new Date(),
  logger: { info() {}, warn() {}, error() {} },
  onStatus: () => {},
  onCacheChanged: () => {
    applied++;
    process.stdout.write(`${state.get().cursor}\n`);
    if (applied === Number(pages)) process.kill(process.pid, 'SIGKILL');
  },
});
await engine.syncNow();
