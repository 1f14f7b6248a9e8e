import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncPage } from '../../common/portal/portal-types';
import { PortalClient, problemToError } from '../api/portal-client';
import type { ApiTransport } from '../api/api-transport';
import { openCache, type CacheDb } from '../cache/cache-database';
import { cacheRepositories } from '../cache/cache-repositories';
import { syncStateRepository } from '../cache/sync-state-repository';
import { createMemoryLogger } from '../log/memory-logger';
import { devTokenTransport } from '../test-support/dev-token-transport';
import { silentLogger, startTestPortal, type TestPortal } from '../test-support/portal-fixture';
import { SyncEngine } from './sync-engine';

describe('SyncEngine against the reference portal (real HTTP, real SQLite files)', () => {
  let portal: TestPortal;
  let transport: ApiTransport;
  let client: PortalClient;

  beforeAll(async () => {
    portal = await startTestPortal({ activationDelayMs: 0, groupSyncDelayMs: 0 });
    transport = await devTokenTransport(portal.server.url, 'demo.admin');
    client = new PortalClient(portal.server.url, transport, { retryDelaysMs: [] });
    const service = await client.request<{ terms: { version: string } }>('GET', 'services/remote-support');
    await client.request('POST', 'services/remote-support/activation', { body: { acceptTerms: true, termsVersion: service.data.terms.version } });
    for (let index = 1; index <= 12; index++) await client.request('POST', 'machine-groups', { body: { name: `Avdeling ${index}` } });
  }, 60_000);
  afterAll(() => portal?.close());

  function engineFor(db: CacheDb, pageSize: number, pages: SyncPage[] = []) {
    const repositories = cacheRepositories(db);
    const state = syncStateRepository(db);
    const statuses: string[] = [];
    const engine = new SyncEngine({
      db,
      repositories,
      state,
      pageSize,
      fetchPage: async (since, limit) => {
        const page = (await client.request<SyncPage>('GET', 'sync', { query: { since, limit } })).data;
        pages.push(page);
        return page;
      },
      now: () => new Date(),
      logger: silentLogger,
      onStatus: (status) => statuses.push(status.activity),
      onCacheChanged: () => {},
    });
    return { engine, repositories, state, statuses };
  }

  const snapshot = (db: CacheDb) =>
    Object.fromEntries(
      ['service', 'vendors', 'machine_groups', 'grants', 'accessible_groups', 'users', 'audit_events'].map((table) => [
        table,
        db.prepare(`SELECT id, version, data FROM ${table} ORDER BY id`).all(),
      ]),
    );

  it('fills an empty cache, and paging small gives exactly what one big page gives', async () => {
    const big = openCache(join(mkdtempSync(join(tmpdir(), 'cache-')), 'big.sqlite'));
    const small = openCache(join(mkdtempSync(join(tmpdir(), 'cache-')), 'small.sqlite'));
    const pages: SyncPage[] = [];
    const one = engineFor(big, 1000);
    const many = engineFor(small, 7, pages);
    await one.engine.syncNow();
    await many.engine.syncNow();
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.slice(0, -1).every((page) => page.hasMore)).toBe(true);
    expect(snapshot(small)).toEqual(snapshot(big));
    expect(one.repositories.machineGroups.all().map((group) => group.name)).toEqual(
      expect.arrayContaining(['Maskiner', 'Avdeling 1', 'Avdeling 12']),
    );
    expect(one.repositories.vendors.count()).toBeGreaterThan(20);
    expect(one.repositories.accessibleGroups.all().map((group) => group.mode).sort()).toEqual(['with_approval', 'without_approval']);
    expect(one.statuses).toEqual(['syncing', 'idle']);
    expect(one.engine.status()).toMatchObject({ activity: 'idle', lastError: null });
    expect(one.state.get().cursor).toBe(pages.at(-1)!.cursor);
  });

  it('logs where a run spent its time: waiting for the pages (portal, HTTP, JSON) and writing them', async () => {
    const db = openCache(join(mkdtempSync(join(tmpdir(), 'cache-')), 'timed.sqlite'));
    const logger = createMemoryLogger();
    const pages: SyncPage[] = [];
    const engine = new SyncEngine({
      db,
      repositories: cacheRepositories(db),
      state: syncStateRepository(db),
      pageSize: 7,
      fetchPage: async (since, limit) => {
        const page = (await client.request<SyncPage>('GET', 'sync', { query: { since, limit } })).data;
        pages.push(page);
        return page;
      },
      now: () => new Date(),
      logger,
      onStatus: () => {},
      onCacheChanged: () => {},
    });
    await engine.syncNow();
    const done = logger.entries.find((entry) => entry.event === 'sync.done')!.fields as Record<string, number>;
    expect(done).toMatchObject({ pages: pages.length, changes: pages.reduce((sum, page) => sum + page.changes.length, 0) });
    expect(done['waitedMs']).toBeGreaterThan(0);
    expect(done['appliedMs']).toBeGreaterThan(0);
    expect(done['waitedMs']! + done['appliedMs']!).toBeLessThanOrEqual(done['ms']!);
  });

  it('applies puts and deletes incrementally', async () => {
    const db = openCache(join(mkdtempSync(join(tmpdir(), 'cache-')), 'delta.sqlite'));
    const { engine, repositories } = engineFor(db, 50);
    await engine.syncNow();
    const group = repositories.machineGroups.all().find((candidate) => candidate.name === 'Avdeling 3')!;
    const vendor = repositories.vendors.all()[0]!;
    await client.request('PUT', `machine-groups/${group.id}/grants/${vendor.id}`, { body: { mode: 'with_approval' } });
    await engine.syncNow();
    expect(repositories.grants.where('group_id = ?', group.id).map((grant) => grant.mode)).toEqual(['with_approval']);
    await client.request('PUT', `machine-groups/${group.id}/grants/${vendor.id}`, { body: { mode: 'without_approval' } });
    await engine.syncNow();
    expect(repositories.grants.where('group_id = ?', group.id).map((grant) => grant.mode)).toEqual(['without_approval']);
    await client.request('DELETE', `machine-groups/${group.id}/grants/${vendor.id}`);
    await engine.syncNow();
    expect(repositories.grants.where('group_id = ?', group.id)).toEqual([]);
    expect(repositories.auditEvents.all().map((event) => event.action)).toEqual(expect.arrayContaining(['grant.created', 'grant.mode_changed', 'grant.deleted']));
  });

  it('asks for the next page before it writes this one, and still writes every page in order with its cursor', async () => {
    const db = openCache(join(mkdtempSync(join(tmpdir(), 'cache-')), 'pipelined.sqlite'));
    const log: string[] = [];
    const state = syncStateRepository(db);
    const engine = new SyncEngine({
      db,
      repositories: cacheRepositories(db),
      state,
      pageSize: 5,
      fetchPage: async (since, limit) => {
        log.push(`fetch ${since}`);
        return (await client.request<SyncPage>('GET', 'sync', { query: { since, limit } })).data;
      },
      now: () => new Date(),
      logger: silentLogger,
      onStatus: () => {},
      onCacheChanged: () => log.push(`wrote ${state.get().cursor}`),
    });
    await engine.syncNow();
    const written = log.filter((entry) => entry.startsWith('wrote')).map((entry) => Number(entry.split(' ')[1]));
    expect(written.length).toBeGreaterThan(2);
    expect(written).toEqual([...written].sort((a, b) => a - b));
    // Page N+1 (from page N's cursor) was asked for before page N was written.
    for (const cursor of written.slice(0, -1)) expect(log.indexOf(`fetch ${cursor}`)).toBeLessThan(log.indexOf(`wrote ${cursor}`));
    const reference = openCache(join(mkdtempSync(join(tmpdir(), 'cache-')), 'reference.sqlite'));
    await engineFor(reference, 1000).engine.syncNow();
    expect(snapshot(db)).toEqual(snapshot(reference));
  });

  it('asks for a small first page (the cache starts on it while the portal builds the next), then twice as much a page; half a refused size from a portal that allows less', async () => {
    const asked: Array<{ since: number; limit: number }> = [];
    const engineAgainst = (db: CacheDb, maxLimit: number, pageSize?: number) =>
      new SyncEngine({
        db,
        repositories: cacheRepositories(db),
        state: syncStateRepository(db),
        // The demo portal holds about a hundred rows: small sizes show the growth and the refusal.
        firstPageSize: 5,
        ...(pageSize === undefined ? {} : { pageSize }),
        fetchPage: async (since, limit) => {
          asked.push({ since, limit });
          // An older portal's schema refused a larger limit with this problem (its answer, through the real client's mapping).
          if (limit > maxLimit) {
            throw problemToError(400, { code: 'VALIDATION_FAILED', title: 'The request is not valid', errors: [{ field: 'limit', code: 'MAXIMUM', message: `must be <= ${maxLimit}` }] });
          }
          return (await client.request<SyncPage>('GET', 'sync', { query: { since, limit } })).data;
        },
        now: () => new Date(),
        logger: silentLogger,
        onStatus: () => {},
        onCacheChanged: () => {},
      });
    const current = openCache(join(mkdtempSync(join(tmpdir(), 'cache-')), 'current.sqlite'));
    const currentEngine = engineAgainst(current, Number.MAX_SAFE_INTEGER);
    await currentEngine.syncNow();
    expect(currentEngine.status()).toMatchObject({ activity: 'idle', lastError: null });
    expect(asked.length).toBeGreaterThan(3);
    expect(asked.map(({ limit }) => limit)).toEqual(asked.map((_, index) => 5 * 2 ** index));

    // No more than the engine's page size, however many pages.
    asked.length = 0;
    await engineAgainst(openCache(join(mkdtempSync(join(tmpdir(), 'cache-')), 'capped.sqlite')), Number.MAX_SAFE_INTEGER, 12).syncNow();
    expect(asked.map(({ limit }) => limit).slice(0, 4)).toEqual([5, 10, 12, 12]);

    asked.length = 0;
    const older = openCache(join(mkdtempSync(join(tmpdir(), 'cache-')), 'older.sqlite'));
    const olderEngine = engineAgainst(older, 15);
    await olderEngine.syncNow();
    expect(olderEngine.status()).toMatchObject({ activity: 'idle', lastError: null });
    expect(snapshot(older)).toEqual(snapshot(current));
    // 5, 10, then 20 refused once and asked again with 10, and 10 from then on.
    expect(asked.slice(0, 4)).toEqual([
      { since: 0, limit: 5 },
      { since: asked[1]!.since, limit: 10 },
      { since: asked[2]!.since, limit: 20 },
      { since: asked[2]!.since, limit: 10 },
    ]);
    expect(asked.slice(4).every(({ limit }) => limit === 10)).toBe(true);
    // The next run (over pages of new changes) starts with its small first page again, and asks no more than 10
    // after it, without another refusal.
    for (let index = 1; index <= 8; index++) await client.request('POST', 'machine-groups', { body: { name: `Etter avslag ${index}` } });
    asked.length = 0;
    await olderEngine.syncNow();
    expect(asked.length).toBeGreaterThan(2);
    expect(asked.map(({ limit }) => limit)).toEqual([5, ...asked.slice(1).map(() => 10)]);
  });

  it('a run asked for during the one in flight does not start after stop, so the owner may close the cache', async () => {
    const db = openCache(join(mkdtempSync(join(tmpdir(), 'cache-')), 'stopped.sqlite'));
    const { engine, statuses } = engineFor(db, 5);
    const first = engine.syncNow();
    const queued = engine.syncNow();
    await engine.stop();
    db.close();
    await Promise.all([first, queued]);
    // One run: syncing then idle, and no run that failed on the closed cache.
    expect(statuses).toEqual(['syncing', 'idle']);
  });

  it('a process killed (SIGKILL) between pages leaves the cache at the earlier cursor, and the next sync completes it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cache-')), 'killed.sqlite');
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'test-support/sync-then-die.ts'), portal.server.url, file, '5', '3'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, killed) => resolve(killed)));
    expect(signal).toBe('SIGKILL');
    const cursors = output.trim().split('\n').map(Number);
    expect(cursors).toHaveLength(3);

    const db = openCache(file);
    const { engine, state } = engineFor(db, 5);
    // Exactly the third page's cursor: no part of the fourth page is in the file.
    expect(state.get().cursor).toBe(cursors[2]);
    await engine.syncNow();
    const reference = openCache(join(mkdtempSync(join(tmpdir(), 'cache-')), 'reference.sqlite'));
    await engineFor(reference, 1000).engine.syncNow();
    expect(snapshot(db)).toEqual(snapshot(reference));
  }, 60_000);

  it('keeps answering reads from the cache when the portal is gone, and reports offline', async () => {
    const db = openCache(join(mkdtempSync(join(tmpdir(), 'cache-')), 'offline.sqlite'));
    const { engine, repositories, statuses } = engineFor(db, 100);
    await engine.syncNow();
    const groups = repositories.machineGroups.all();
    await portal.stop();
    try {
      await engine.syncNow();
      expect(engine.status()).toMatchObject({ activity: 'offline', lastError: { code: 'OFFLINE' } });
      expect(statuses.at(-1)).toBe('offline');
      expect(repositories.machineGroups.all()).toEqual(groups);
      expect(repositories.users.count()).toBeGreaterThan(0);
    } finally {
      await portal.restart();
    }
    // Dev tokens live in the server's memory: the restarted portal needs a new one.
    transport = await devTokenTransport(portal.server.url, 'demo.admin');
    client = new PortalClient(portal.server.url, transport, { retryDelaysMs: [] });
    await engine.syncNow();
    expect(engine.status().activity).toBe('idle');
  });
});
