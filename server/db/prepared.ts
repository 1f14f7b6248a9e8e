import type { Statement } from 'better-sqlite3';
import type { Db } from './database';

const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement, compiled once per database and SQL text: the sync feed hydrates up to a
 * thousand items per page, and compiling the same SQL for each one would cost more than running it.
 * The plucking mode is reset on every hand-out, so `prepared(db, sql).pluck()` in one place cannot
 * change what `prepared(db, sql).get()` returns in another.
 */
export function prepared(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  if (statement.reader) statement.pluck(false);
  return statement;
}
