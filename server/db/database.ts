import Database from 'better-sqlite3';
import { migrations } from './migrations';
import { prepareOwnerOnlyDatabaseFile } from './owner-only-database-file';
import { runMigrations } from './run-migrations';

export type Db = Database.Database;

/**
 * Opens the server's own database file (owner-only, with its -wal and -shm: it holds TOTP secrets):
 * WAL, foreign keys on, busy timeout, and every numbered migration not yet applied, each in its own
 * transaction with the new user_version.
 */
export function openDatabase(path: string): Db {
  prepareOwnerOnlyDatabaseFile(path);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

export function migrate(db: Db): void {
  runMigrations(db, migrations);
}
