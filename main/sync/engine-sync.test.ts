import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EngineFinding, EngineStatus, GroupDevice, SyncPage } from '../../common/portal/portal-types';
import { openCache } from '../cache/cache-database';
import { cacheRepositories } from '../cache/cache-repositories';
import { engineStatusRepository } from '../cache/engine-status-repository';
import { syncStateRepository } from '../cache/sync-state-repository';
import { silentLogger } from '../test-support/portal-fixture';
import { SyncEngine } from './sync-engine';

const device = (id: string, name: string, groupId = 'g1'): GroupDevice => ({
  id,
  groupId,
  name,
  os: 'Windows 11',
  online: true,
  lastSeenAt: '2026-03-01T10:00:00.000Z',
  version: 1,
});
const finding = (id: string, foundAt: string): EngineFinding => ({
  id,
  groupId: 'g1',
  subjectKind: 'user',
  subjectName: `tekniker-${id}`,
  consentRequired: false,
  foundAt,
  version: 1,
});
const simulated: EngineStatus = {
  kind: 'none',
  label: 'simulert',
  simulated: true,
  reachable: null,
  lastAttemptAt: null,
  lastSuccessAt: null,
  pendingChanges: 0,
  lastError: null,
};

/**
 * The feed's device and engineFinding changes (puts and tombstones), and GET /engine fetched after each
 * sync, applied to a real SQLite cache file. The pages are fed by hand: a portal without a remote-support
 * system ("simulert") has no machines and no drift to send.
 */
function cacheWith(pages: SyncPage[], engine: () => Promise<EngineStatus>, now = () => new Date('2026-03-01T12:00:00.000Z')) {
  const db = openCache(join(mkdtempSync(join(tmpdir(), 'engine-sync-')), 'cache.sqlite'));
  const repositories = cacheRepositories(db);
  const state = syncStateRepository(db);
  const engineStatus = engineStatusRepository(db);
  let changed = 0;
  const sync = new SyncEngine({
    db,
    repositories,
    state,
    fetchPage: async (since) => pages.find((page) => page.cursor > since) ?? { cursor: since, hasMore: false, changes: [] },
    now,
    logger: silentLogger,
    onStatus: () => {},
    onCacheChanged: () => void changed++,
    engineStatus: { fetch: engine, store: engineStatus },
  });
  return { sync, repositories, state, engineStatus, changes: () => changed };
}

describe('the engine in the sync feed and the cache', () => {
  it('stores devices per group and findings newest first, and removes them on their tombstones', async () => {
    const pages: SyncPage[] = [
      {
        cursor: 3,
        hasMore: true,
        changes: [
          { type: 'device', op: 'put', id: 'd1', version: 1, data: device('d1', 'Resepsjon-PC') },
          { type: 'device', op: 'put', id: 'd2', version: 2, data: device('d2', 'Lab-01', 'g2') },
          { type: 'engineFinding', op: 'put', id: 'f1', version: 3, data: finding('f1', '2026-02-01T08:00:00.000Z') },
        ],
      },
      {
        cursor: 4,
        hasMore: false,
        changes: [{ type: 'engineFinding', op: 'put', id: 'f2', version: 4, data: finding('f2', '2026-02-10T08:00:00.000Z') }],
      },
    ];
    const cache = cacheWith(pages, async () => simulated);
    await cache.sync.syncNow();
    expect(cache.repositories.devices.where('group_id = ?', 'g1').map((item) => item.name)).toEqual(['Resepsjon-PC']);
    expect(cache.repositories.devices.where('group_id = ?', 'g2').map((item) => item.name)).toEqual(['Lab-01']);
    expect(cache.repositories.engineFindings.all().map((item) => item.id)).toEqual(['f2', 'f1']);

    pages.push({
      cursor: 6,
      hasMore: false,
      changes: [
        { type: 'device', op: 'delete', id: 'd1', version: 5 },
        { type: 'engineFinding', op: 'delete', id: 'f2', version: 6 },
      ],
    });
    await cache.sync.syncNow();
    expect(cache.repositories.devices.where('group_id = ?', 'g1')).toEqual([]);
    expect(cache.repositories.engineFindings.all().map((item) => item.id)).toEqual(['f1']);
    expect(cache.state.get().cursor).toBe(6);
  });

  it('keeps the engine status with the time it was fetched, and says the cache changed only when the status did', async () => {
    let status = simulated;
    let at = new Date('2026-03-01T12:00:00.000Z');
    const cache = cacheWith([], async () => status, () => at);
    expect(cache.engineStatus.get()).toBeNull();
    await cache.sync.syncNow();
    expect(cache.engineStatus.get()).toEqual({ status: simulated, fetchedAt: '2026-03-01T12:00:00.000Z' });
    expect(cache.changes()).toBe(1);

    at = new Date('2026-03-01T12:01:00.000Z');
    await cache.sync.syncNow();
    expect(cache.engineStatus.get()?.fetchedAt).toBe('2026-03-01T12:01:00.000Z');
    expect(cache.changes()).toBe(1);

    status = { ...simulated, kind: 'meshcentral', label: 'MeshCentral', simulated: false, reachable: false, pendingChanges: 2 };
    await cache.sync.syncNow();
    expect(cache.engineStatus.get()?.status).toMatchObject({ label: 'MeshCentral', reachable: false, pendingChanges: 2 });
    expect(cache.changes()).toBe(2);
  });

  it('a failing GET /engine (e.g. an older portal) keeps the last status and does not fail the sync', async () => {
    let fail = false;
    let at = new Date('2026-03-01T12:00:00.000Z');
    const cache = cacheWith(
      [],
      async () => {
        if (fail) throw new Error('ROUTE_NOT_FOUND');
        return simulated;
      },
      () => at,
    );
    await cache.sync.syncNow();
    fail = true;
    at = new Date('2026-03-01T13:00:00.000Z');
    await cache.sync.syncNow();
    expect(cache.sync.status()).toMatchObject({ activity: 'idle', lastError: null, lastSuccessAt: '2026-03-01T13:00:00.000Z' });
    expect(cache.engineStatus.get()).toEqual({ status: simulated, fetchedAt: '2026-03-01T12:00:00.000Z' });
  });
});
