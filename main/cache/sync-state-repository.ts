import type { CacheDb } from './cache-database';

export interface SyncState {
  cursor: number;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
}

/** Where the cache's sync stands. The cursor is written in the same transaction as its page. */
export function syncStateRepository(db: CacheDb) {
  const read = db.prepare('SELECT cursor, last_success_at, last_attempt_at, last_error FROM sync_state WHERE id = 1');
  const setCursor = db.prepare('UPDATE sync_state SET cursor = ? WHERE id = 1');
  const succeeded = db.prepare('UPDATE sync_state SET last_success_at = ?, last_attempt_at = ?, last_error = NULL WHERE id = 1');
  const failed = db.prepare('UPDATE sync_state SET last_attempt_at = ?, last_error = ? WHERE id = 1');
  return {
    get(): SyncState {
      const row = read.get() as { cursor: number; last_success_at: string | null; last_attempt_at: string | null; last_error: string | null };
      return { cursor: row.cursor, lastSuccessAt: row.last_success_at, lastAttemptAt: row.last_attempt_at, lastError: row.last_error };
    },
    setCursor(cursor: number): void {
      setCursor.run(cursor);
    },
    recordSuccess(at: Date): void {
      succeeded.run(at.toISOString(), at.toISOString());
    },
    recordFailure(at: Date, error: string): void {
      failed.run(at.toISOString(), error);
    },
  };
}

export type SyncStateRepository = ReturnType<typeof syncStateRepository>;
