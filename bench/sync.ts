import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { SyncPage } from '../common/portal/portal-types';
import { PortalClient } from '../main/api/portal-client';
import { openCache } from '../main/cache/cache-database';
import { cacheRepositories } from '../main/cache/cache-repositories';
import { syncStateRepository } from '../main/cache/sync-state-repository';
import { SyncEngine } from '../main/sync/sync-engine';
import { devTokenTransport } from '../main/test-support/dev-token-transport';
import { DEMO_ADMIN } from '../server/seed/demo-credentials';
import type { BenchFigure } from './figure';

const silent = { info() {}, warn() {}, error() {} };

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
 * Full sync of `--seed large:<users>` from the reference portal in its own process on loopback into
 * an empty cache, then a no-change delta sync. The physical limit it is compared with: the same rows
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
    const db = openCache(join(dir, 'cache.sqlite'));
    // Only counted while it syncs: holding 110 000 parsed rows would tax the sync's garbage collection, which the app's does not pay.
    let rows = 0;
    let pageSize = 0;
    const engine = new SyncEngine({
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
      logger: silent,
      onStatus: () => {},
      onCacheChanged: () => {},
    });

    const portalCpuBefore = childCpuMs(server.pid);
    const appCpuBefore = process.cpuUsage();
    let start = performance.now();
    await engine.syncNow();
    const fullMs = performance.now() - start;
    const appCpu = cpuMs(process.cpuUsage(appCpuBefore));
    const portalCpuAfter = childCpuMs(server.pid);
    if (engine.status().activity !== 'idle') throw new Error(`sync failed: ${JSON.stringify(engine.status().lastError)}`);

    // The same pages fetched again one after the other and not applied: the portal, HTTP and JSON share of a
    // sync. They are the rows the raw insert below writes.
    const pages: SyncPage[] = [];
    start = performance.now();
    for (let since = 0; ; ) {
      const page = (await client.request<SyncPage>('GET', 'sync', { query: { since, limit: pageSize } })).data;
      pages.push(page);
      if (!page.hasMore) break;
      since = page.cursor;
    }
    const fetchMs = performance.now() - start;
    if (pages.reduce((sum, page) => sum + page.changes.length, 0) !== rows) throw new Error('the pages fetched again differ from the sync');

    start = performance.now();
    await engine.syncNow();
    const deltaMs = performance.now() - start;

    const raw = openCache(join(dir, 'raw.sqlite'));
    raw.exec('CREATE TABLE raw_rows (type TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (type, id)) STRICT');
    const insert = raw.prepare('INSERT INTO raw_rows (type, id, version, data) VALUES (?, ?, ?, ?)');
    const changes = pages.flatMap((page) => page.changes);
    start = performance.now();
    raw.transaction(() => {
      for (const change of changes) insert.run(change.type, change.id, change.version, JSON.stringify('data' in change ? change.data : null));
    })();
    const rawMs = performance.now() - start;
    db.close();
    raw.close();

    const syncRate = rows / (fullMs / 1000);
    const rawRate = rows / (rawMs / 1000);
    return [
      { name: `sync.full large:${users} rows`, value: rows, unit: 'rows' },
      { name: 'sync.full', value: fullMs, unit: 'ms' },
      { name: 'sync.full app CPU', value: appCpu, unit: 'ms' },
      ...(portalCpuBefore === undefined || portalCpuAfter === undefined ? [] : [{ name: 'sync.full portal CPU', value: portalCpuAfter - portalCpuBefore, unit: 'ms' }]),
      { name: 'sync pages fetched alone (no apply)', value: fetchMs, unit: 'ms' },
      { name: 'sync.full throughput', value: syncRate, unit: 'rows/s' },
      { name: 'sqlite raw insert (1 tx)', value: rawRate, unit: 'rows/s' },
      { name: 'sync.full / raw insert', value: syncRate / rawRate, unit: 'ratio' },
      { name: 'sync.delta (no change)', value: deltaMs, unit: 'ms' },
    ];
  } finally {
    server.kill('SIGTERM');
    await new Promise((done) => (server.exitCode === null ? server.once('exit', done) : done(null)));
    rmSync(dir, { recursive: true, force: true });
  }
}
