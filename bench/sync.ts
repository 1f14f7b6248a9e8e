import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import type { SyncPage } from '../common/portal/portal-types';
import { PortalClient } from '../main/api/portal-client';
import { openCache, type CacheDb } from '../main/cache/cache-database';
import { cacheRepositories } from '../main/cache/cache-repositories';
import { syncStateRepository } from '../main/cache/sync-state-repository';
import { createMemoryLogger } from '../main/log/memory-logger';
import { applySyncPage } from '../main/sync/apply-sync-page';
import { SyncEngine } from '../main/sync/sync-engine';
import { devTokenTransport } from '../main/test-support/dev-token-transport';
import { DEMO_ADMIN } from '../server/seed/demo-credentials';
import type { BenchFigure } from './figure';
import { median, medianOf } from './median';

/** What the engine logs at the end of a run (main/sync/sync-engine.ts): where the run's time went. */
interface RunTimes {
  ms: number;
  waitedMs: number;
  appliedMs: number;
}

/** Full syncs and raw inserts measured; each figure is its median run's. */
const RUNS = 5;

/** CPU time (user + system) a child process has used so far, where /proc tells it (Linux); otherwise undefined. */
function childCpuMs(pid: number | undefined): number | undefined {
  const file = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(file)) return undefined;
  // Fields 14 and 15 (utime, stime) in clock ticks, after the parenthesised command name; Linux ticks are 10 ms.
  const fields = readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

/**
 * The median run's time by step, as the engine measured it: waiting for a page (the portal building it, HTTP
 * and the JSON parse, which runs as the answer is read; the next page is asked for before this one is
 * written), writing pages to the cache (SQLite, one transaction each), and the rest (the engine status, the
 * event loop).
 */
function runShares({ ms, waitedMs, appliedMs }: RunTimes): BenchFigure[] {
  const steps: Array<[string, number]> = [
    ['waiting for pages (portal, HTTP, JSON parse)', waitedMs],
    ['writing pages (SQLite transactions)', appliedMs],
    ['the rest (engine status, event loop)', ms - waitedMs - appliedMs],
  ];
  return steps.flatMap(([step, value]) => [
    { name: `sync.step → ${step}`, value, unit: 'ms' },
    { name: `sync.step → ${step} share`, value: value / ms, unit: 'ratio' },
  ]);
}

/**
 * Full syncs of `--seed large:<users>` from the reference portal in its own process on loopback, each into
 * an empty cache, then no-change delta syncs. The physical limit it is compared with: the same rows
 * inserted raw with better-sqlite3 in one transaction, on this machine, in this run.
 */
export async function benchSync(users = 10_000): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-sync-'));
  const server = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(import.meta.dirname, '../server/cli.ts'), '--port', '0', '--db', join(dir, 'portal.db'), '--seed', `large:${users}`, '--dev-tokens'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  try {
    const url = await new Promise<string>((done, fail) => {
      createInterface({ input: server.stdout }).once('line', (line) => done((JSON.parse(line) as { url: string }).url));
      server.once('exit', (code) => fail(new Error(`portal exited (${code})`)));
    });
    const client = new PortalClient(url, await devTokenTransport(url, DEMO_ADMIN.username));
    // Only counted while it syncs: holding 110 000 parsed rows would tax the sync's garbage collection, which the app's does not pay.
    let rows = 0;
    let pageSize = 0;
    const logger = createMemoryLogger();
    const syncInto = (db: CacheDb): SyncEngine =>
      new SyncEngine({
        db,
        repositories: cacheRepositories(db),
        state: syncStateRepository(db),
        // No pageSize: the engine asks for the pages the app asks for.
        fetchPage: async (since, limit) => {
          pageSize = limit;
          const page = (await client.request<SyncPage>('GET', 'sync', { query: { since, limit } })).data;
          rows += page.changes.length;
          return page;
        },
        now: () => new Date(),
        logger,
        onStatus: () => {},
        onCacheChanged: () => {},
      });

    // Each full sync into a new, empty cache. The first is an app's first sync as it starts (nothing compiled yet,
    // and the portal reading its rows for the first time); the median says what the code costs on a shared machine.
    const fulls: Array<{ ms: number; appCpu: number; portalCpu: number | undefined; times: RunTimes; longestBlockMs: number }> = [];
    let db: CacheDb | undefined;
    let engine: SyncEngine | undefined;
    for (let run = 0; run < RUNS; run++) {
      db?.close();
      db = openCache(join(dir, `cache-${run}.sqlite`));
      engine = syncInto(db);
      rows = 0;
      logger.entries.length = 0;
      const portalCpuBefore = childCpuMs(server.pid);
      const appCpuBefore = process.cpuUsage();
      // The longest the event loop was held (a page parsed, a page written): what an IPC call may wait in the app.
      const blocks = monitorEventLoopDelay({ resolution: 5 });
      blocks.enable();
      const start = performance.now();
      await engine.syncNow();
      const ms = performance.now() - start;
      blocks.disable();
      const appCpu = cpuMs(process.cpuUsage(appCpuBefore));
      const portalCpuAfter = childCpuMs(server.pid);
      if (engine.status().activity !== 'idle') throw new Error(`sync failed: ${JSON.stringify(engine.status().lastError)}`);
      const times = logger.entries.find((entry) => entry.event === 'sync.done')?.fields as RunTimes | undefined;
      if (times === undefined) throw new Error('the sync logged no sync.done');
      fulls.push({
        ms,
        appCpu,
        portalCpu: portalCpuBefore === undefined || portalCpuAfter === undefined ? undefined : portalCpuAfter - portalCpuBefore,
        times,
        longestBlockMs: blocks.max / 1e6,
      });
    }
    const full = median(fulls, (run) => run.ms);
    const fullMs = full.ms;

    // No-change delta syncs of the last cache, before the bench holds every page parsed (below): one delta
    // measured after that took 18–23 ms, against 2–5 ms here and in the app.
    const deltas: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const deltaStart = performance.now();
      await engine!.syncNow();
      deltas.push(performance.now() - deltaStart);
    }
    const deltaMs = medianOf(deltas);
    db!.close();

    // The same pages fetched again one after the other and not applied: the portal, HTTP and JSON share of a
    // sync. They are the rows the raw insert below writes.
    const pages: SyncPage[] = [];
    let start = performance.now();
    for (let since = 0; ; ) {
      const page = (await client.request<SyncPage>('GET', 'sync', { query: { since, limit: pageSize } })).data;
      pages.push(page);
      if (!page.hasMore) break;
      since = page.cursor;
    }
    const fetchMs = performance.now() - start;
    if (pages.reduce((sum, page) => sum + page.changes.length, 0) !== rows) throw new Error('the pages fetched again differ from the sync');

    // The raw insert as often as the sync, each into a new file; its median run too.
    const changes = pages.flatMap((page) => page.changes);
    const raws: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const raw = openCache(join(dir, `raw-${run}.sqlite`));
      raw.exec('CREATE TABLE raw_rows (type TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (type, id)) STRICT');
      const insert = raw.prepare('INSERT INTO raw_rows (type, id, version, data) VALUES (?, ?, ?, ?)');
      start = performance.now();
      raw.transaction(() => {
        for (const change of changes) insert.run(change.type, change.id, change.version, JSON.stringify('data' in change ? change.data : null));
      })();
      raws.push(performance.now() - start);
      raw.close();
    }
    const rawMs = medianOf(raws);

    // The same pages written into a new cache as the sync writes them (its tables, columns and indexes, one
    // transaction per page), without the portal, HTTP or JSON: how much of the gap to the raw insert is the
    // cache's own writing.
    const writes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const cache = openCache(join(dir, `written-${run}.sqlite`));
      const repositories = cacheRepositories(cache);
      const state = syncStateRepository(cache);
      start = performance.now();
      for (const page of pages) applySyncPage(cache, repositories, state, page);
      writes.push(performance.now() - start);
      cache.close();
    }
    const writtenMs = medianOf(writes);

    const syncRate = rows / (fullMs / 1000);
    const firstRate = rows / (fulls[0]!.ms / 1000);
    const rawRate = rows / (rawMs / 1000);
    return [
      { name: `sync.full large:${users} rows`, value: rows, unit: 'rows' },
      { name: 'sync.full, first run', value: fulls[0]!.ms, unit: 'ms' },
      { name: `sync.full (median of ${RUNS})`, value: fullMs, unit: 'ms' },
      { name: 'sync.full (median) app CPU', value: full.appCpu, unit: 'ms' },
      ...(full.portalCpu === undefined ? [] : [{ name: 'sync.full (median) portal CPU', value: full.portalCpu, unit: 'ms' }]),
      ...runShares(full.times),
      { name: 'sync.full (median) longest event-loop block', value: full.longestBlockMs, unit: 'ms' },
      { name: 'sync pages fetched alone (no apply)', value: fetchMs, unit: 'ms' },
      { name: 'sync.full throughput', value: syncRate, unit: 'rows/s' },
      { name: `sqlite raw insert (1 tx, median of ${RUNS})`, value: rawRate, unit: 'rows/s' },
      { name: 'sync.full (median) / raw insert', value: syncRate / rawRate, unit: 'ratio' },
      { name: 'sync.full first run / raw insert', value: firstRate / rawRate, unit: 'ratio' },
      { name: `sync pages written alone (no HTTP, no JSON; median of ${RUNS})`, value: writtenMs, unit: 'ms' },
      { name: 'sync pages written alone / raw insert', value: rawMs / writtenMs, unit: 'ratio' },
      { name: `sync.delta (no change, median of ${RUNS})`, value: deltaMs, unit: 'ms' },
    ];
  } finally {
    server.kill('SIGTERM');
    await new Promise((done) => (server.exitCode === null ? server.once('exit', done) : done(null)));
    rmSync(dir, { recursive: true, force: true });
  }
}
