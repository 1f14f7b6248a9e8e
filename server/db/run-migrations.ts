import type Database from 'better-sqlite3';

export type Migration = (db: Database.Database) => void;

/**
 * Applies every numbered migration newer than the file's `user_version`, each in its own transaction
 * together with the new version, so a crash leaves the schema at a whole earlier version. Shared by
 * the portal server's database and the app's offline cache.
 */
export function runMigrations(db: Database.Database, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`database schema version ${current} is newer than this program (${migrations.length})`);
  }
  for (const [index, migration] of migrations.entries()) {
    const version = index + 1;
    if (version <= current) continue;
    db.transaction(() => {
      migration(db);
      db.pragma(`user_version = ${version}`);
    })();
  }
}
