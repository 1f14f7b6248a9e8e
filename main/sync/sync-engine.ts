import { setImmediate } from 'node:timers/promises';
import type { SyncActivity, SyncStatus } from '../../common/contract';
import type { EngineStatus, SyncPage } from '../../common/portal/portal-types';
import type { CacheDb } from '../cache/cache-database';
import type { CacheRepositories } from '../cache/cache-repositories';
import type { EngineStatusRepository } from '../cache/engine-status-repository';
import type { SyncStateRepository } from '../cache/sync-state-repository';
import { isDiskFull } from '../files/disk-full';
import { PortalError } from '../ipc/portal-error';
import type { Logger } from '../log/logger';
import { applySyncPage } from './apply-sync-page';

type PendingItem = SyncStatus['pending'][number];

/**
 * The most changes asked for a page. A first sync is over a hundred thousand rows: each page is one
 * transaction whose commit rewrites the index pages it touched, so fewer, larger pages fill the cache faster,
 * but each holds main's event loop (IPC waits) while it is parsed and written. Each page of a run asks twice
 * what the one before did, up to this: the portal builds a page in about half the time the cache takes to
 * write one, so each is ready when the one before is written. Measured (bench, first sync of 112 000 rows,
 * alternated): pages up to 10 000 took 1 226–1 274 ms and held the loop at most 130 ms; up to 20 000,
 * 1 104–1 110 ms and 204–210 ms; up to 30 000, 1 150 ms and 294 ms.
 */
const PAGE_SIZE = 20_000;
/**
 * Changes asked for the first page of a run: the cache has nothing to apply until it arrives, and a large
 * one keeps it waiting while the portal builds it. A small one starts the apply sooner. It is what a portal
 * from before larger pages allows, so every portal takes it.
 */
const FIRST_PAGE_SIZE = 1000;

export interface SyncEngineDeps {
  db: CacheDb;
  repositories: CacheRepositories;
  state: SyncStateRepository;
  fetchPage: (since: number, limit: number) => Promise<SyncPage>;
  now: () => Date;
  logger: Logger;
  onStatus: (status: SyncStatus) => void;
  /** Called after a page changed the cache, so screens re-query. */
  onCacheChanged: () => void;
  /**
   * Records kept beside the sync feed (review campaigns): what was recorded here goes first, then what
   * the portal has that the cache lacks. Returns whether the cache changed.
   */
  exchange?: () => Promise<boolean>;
  /**
   * The remote-support system's status (GET /engine), not in the sync feed: fetched after each successful
   * sync and kept in the cache, so the app can say offline what the portal drives, and since when.
   */
  engineStatus?: { fetch: () => Promise<EngineStatus>; store: EngineStatusRepository };
  intervalMs?: number;
  pageSize?: number;
  firstPageSize?: number;
}

/** Tests of the feed alone give no engine status source. */
const noEngineStatus: NonNullable<SyncEngineDeps['engineStatus']> = {
  fetch: () => Promise.reject(new Error('no engine status source')),
  store: { get: () => null, set: () => false },
};

/**
 * Delta sync from the portal's `/sync` cursor: on login, on a timer, after each write and on
 * demand. Runs are single-flight; a request during a run schedules exactly one more run after it,
 * so a write made mid-sync is always picked up.
 */
export class SyncEngine {
  readonly #deps: Required<SyncEngineDeps>;
  #activity: SyncActivity = 'idle';
  #lastError: SyncStatus['lastError'] = null;
  #running: Promise<void> | undefined;
  #again = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #started = false;
  #stopped = false;
  #pageSize: number;

  constructor(deps: SyncEngineDeps) {
    this.#deps = { intervalMs: 60_000, pageSize: PAGE_SIZE, firstPageSize: FIRST_PAGE_SIZE, exchange: async () => false, engineStatus: noEngineStatus, ...deps };
    this.#pageSize = this.#deps.pageSize;
  }

  start(): void {
    this.#started = true;
    this.#stopped = false;
    void this.syncNow();
  }

  /** Stops the timer; resolves when a run in flight has finished, so its owner may close the cache after. */
  stop(): Promise<void> {
    this.#started = false;
    // A run asked for during the one in flight must not start after stop: its owner closes the cache next.
    this.#stopped = true;
    this.#again = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    return (this.#running ?? Promise.resolve()).catch(() => {});
  }

  /** Resolves when a run that started at or after this call has finished (successfully or not). */
  syncNow(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    if (this.#running) {
      this.#again = true;
      return this.#running.then(() => this.#running ?? Promise.resolve());
    }
    this.#running = this.#run().finally(() => {
      this.#running = undefined;
      if (this.#again) {
        this.#again = false;
        void this.syncNow();
      } else {
        this.#schedule();
      }
    });
    return this.#running;
  }

  status(): SyncStatus {
    return {
      activity: this.#activity,
      lastSuccessAt: this.#deps.state.get().lastSuccessAt,
      lastError: this.#lastError,
      pending: this.#pending(),
    };
  }

  async #run(): Promise<void> {
    const { db, repositories, state, now, logger, exchange } = this.#deps;
    this.#setActivity('syncing');
    try {
      if (await exchange()) this.#deps.onCacheChanged();
      // Where the run's time goes, for the log (and the bench): waiting for pages (the portal's work, HTTP and
      // the JSON parse; the pages after the first are asked for ahead) and writing them.
      const run = { pages: 0, changes: 0, startedAt: performance.now(), waitedMs: 0, appliedMs: 0 };
      let size = Math.min(this.#deps.firstPageSize, this.#pageSize);
      let next = this.#fetchPage(state.get().cursor, size);
      for (;;) {
        const waitFrom = performance.now();
        const page = await next;
        run.waitedMs += performance.now() - waitFrom;
        // The next page starts at this page's cursor, so it is asked for before this one is written: the
        // portal builds it while the cache applies this one. Each page is still applied with its cursor in one
        // transaction, in order; if this apply fails, the page asked for ahead is dropped unread.
        if (page.hasMore) {
          size = Math.min(this.#pageSize, size * 2);
          next = this.#fetchPage(page.cursor, size);
          next.catch(() => undefined);
          // The request is written to the socket on a later turn of the event loop, and the apply below holds
          // the loop for its whole transaction: let the request go out first, or the portal starts on the
          // next page only after this one is written (measured: a first sync takes a third longer).
          await setImmediate();
        }
        if (page.changes.length > 0 || page.cursor !== state.get().cursor) {
          const applyFrom = performance.now();
          applySyncPage(db, repositories, state, page);
          run.appliedMs += performance.now() - applyFrom;
          run.pages++;
          run.changes += page.changes.length;
          this.#deps.onCacheChanged();
        }
        if (!page.hasMore) break;
      }
      await this.#refreshEngineStatus();
      state.recordSuccess(now());
      this.#lastError = null;
      this.#setActivity('idle');
      if (run.pages > 0) {
        const { pages, changes, startedAt, waitedMs, appliedMs } = run;
        const ms = (value: number): number => Math.round(value * 10) / 10;
        logger.info('sync.done', { pages, changes, cursor: state.get().cursor, ms: ms(performance.now() - startedAt), waitedMs: ms(waitedMs), appliedMs: ms(appliedMs) });
      }
    } catch (error) {
      const code = error instanceof PortalError ? error.code : isDiskFull(error) ? 'DISK_FULL' : 'INTERNAL';
      const message = error instanceof Error ? error.message : String(error);
      try {
        state.recordFailure(now(), `${code}: ${message}`);
      } catch (recordError) {
        // A full disk refuses this write too; the status below still tells the user.
        logger.warn('sync.failure-not-recorded', { error: recordError instanceof Error ? recordError.message : String(recordError) });
      }
      this.#lastError = { code, message };
      this.#setActivity(code === 'OFFLINE' ? 'offline' : 'error');
      logger.warn('sync.failed', { code, message });
    }
  }

  /**
   * A portal that refuses a page size (it predates pages that large: 1000 at first, then 10 000) is asked
   * again with half of it, down to the first page's size, and never for more from then on.
   */
  async #fetchPage(since: number, limit: number): Promise<SyncPage> {
    try {
      return await this.#deps.fetchPage(since, limit);
    } catch (error) {
      if (limit <= this.#deps.firstPageSize || !refusedLimit(error)) throw error;
      const smaller = Math.max(this.#deps.firstPageSize, Math.floor(limit / 2));
      this.#deps.logger.info('sync.page-size-refused', { asked: limit, now: smaller });
      this.#pageSize = smaller;
      return this.#fetchPage(since, smaller);
    }
  }

  /**
   * A portal older than the engine issue has no GET /engine: that, or any failure here, leaves the last
   * known status (with its time) in place and does not fail the sync, whose data did arrive.
   */
  async #refreshEngineStatus(): Promise<void> {
    const engine = this.#deps.engineStatus;
    if (engine === noEngineStatus) return;
    let status: EngineStatus;
    try {
      status = await engine.fetch();
    } catch (error) {
      this.#deps.logger.warn('sync.engine-status-failed', { error: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (engine.store.set(status, this.#deps.now())) this.#deps.onCacheChanged();
  }

  #setActivity(activity: SyncActivity): void {
    this.#activity = activity;
    this.#deps.onStatus(this.status());
  }

  /** Next run: the regular interval, or sooner when the portal said something becomes ready earlier. */
  #schedule(): void {
    if (!this.#started) return;
    clearTimeout(this.#timer);
    const now = this.#deps.now().getTime();
    const soonest = this.#pending()
      .map((item) => Date.parse(item.readyAt) - now + 1000)
      .filter((delay) => delay > 0);
    const delay = Math.min(this.#deps.intervalMs, ...soonest);
    this.#timer = setTimeout(() => void this.syncNow(), delay);
    this.#timer.unref?.();
  }

  #pending(): PendingItem[] {
    const { repositories } = this.#deps;
    const items: PendingItem[] = [];
    for (const service of repositories.service.all()) {
      if (service.status === 'activating' && service.readyAt) items.push({ kind: 'service', id: service.id, name: null, readyAt: service.readyAt });
    }
    for (const group of repositories.machineGroups.where("sync_state = 'pending'")) {
      items.push({ kind: 'machineGroup', id: group.id, name: group.name, readyAt: group.readyAt });
    }
    return items;
  }
}

function refusedLimit(error: unknown): boolean {
  return error instanceof PortalError && error.code === 'INVALID_INPUT' && (error.fields ?? []).some((field) => field.path === 'limit');
}
