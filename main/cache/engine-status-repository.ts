import type { CachedEngineStatus } from '../../common/contract';
import type { EngineStatus } from '../../common/portal/portal-types';
import type { CacheDb } from './cache-database';

/**
 * The remote-support system's status as GET /engine last answered, with when: it is not in the sync feed
 * (it changes with every attempt the portal makes), so the sync engine fetches it after each sync, and
 * the app shows it offline with its time.
 */
export function engineStatusRepository(db: CacheDb) {
  const read = db.prepare('SELECT fetched_at, data FROM engine_status WHERE id = 1');
  const write = db.prepare(
    'INSERT INTO engine_status (id, fetched_at, data) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET fetched_at = excluded.fetched_at, data = excluded.data',
  );
  return {
    get(): CachedEngineStatus | null {
      const row = read.get() as { fetched_at: string; data: string } | undefined;
      return row ? { status: JSON.parse(row.data) as EngineStatus, fetchedAt: row.fetched_at } : null;
    },
    /** Returns whether what the portal said differs from what the cache held (the time alone does not count). */
    set(status: EngineStatus, fetchedAt: Date): boolean {
      const before = read.get() as { data: string } | undefined;
      const data = JSON.stringify(status);
      write.run(fetchedAt.toISOString(), data);
      return before?.data !== data;
    },
  };
}

export type EngineStatusRepository = ReturnType<typeof engineStatusRepository>;
