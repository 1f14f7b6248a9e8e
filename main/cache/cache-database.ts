import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { prepareOwnerOnlyDatabaseFile } from '../../server/db/owner-only-database-file';
import { runMigrations } from '../../server/db/run-migrations';
import { cacheMigrations } from './migrations';

export type CacheDb = Database.Database;

/** One cache file per profile, in the app's data folder: `cache/<profileId>.sqlite`. */
export function cacheFileFor(dataDir: string, profileId: string): string {
  return join(dataDir, 'cache', `${profileId}.sqlite`);
}

/** Opens a profile's cache, owner-only with its -wal and -shm (not only inside the 0700 folder). */
export function openCache(file: string): CacheDb {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  prepareOwnerOnlyDatabaseFile(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: review decisions exist only here until pushed, so a commit must survive a power cut too.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  runMigrations(db, cacheMigrations);
  return db;
}
