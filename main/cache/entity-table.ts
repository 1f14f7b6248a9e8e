import type { CacheDb } from './cache-database';

type Column = string | number | null;

export interface EntityTableSpec<T, C extends string> {
  table: string;
  /** The columns besides id, version and data that screens filter and sort on… */
  columnNames: readonly C[];
  /** …and their values for one item. */
  columns: (item: T) => Record<C, Column>;
  idOf: (item: T) => string;
  /**
   * The order of `all()` and `where()`: an ORDER BY (a constant from code, never user input) for times
   * and codes, or, for names, a comparison: SQLite orders text by code point (Å before Æ and Ø), so names
   * are sorted here in Norwegian order (common/sorting/name-collation). `presort` reads them in an order
   * close to it first (the names' columns; then id, so equal names come out the same way every time): the
   * sort then mostly finds runs already in order, and compares far fewer pairs with the slow collator.
   */
  order: { sql: string } | { compare: (a: T, b: T) => number; presort: string };
}

export interface EntityTable<T> {
  /**
   * Stores the item unless the cache already holds a newer version of it. `version` is the portal's
   * global change version, from a sync change or from the entity a command answered with.
   */
  put(item: T, version: number): void;
  remove(id: string): void;
  get(id: string): T | undefined;
  all(): T[];
  where(condition: string, ...params: Column[]): T[];
  count(): number;
  /**
   * Counts this table's writes (puts and removes, taken or not) since it was opened: what a reader derived
   * from the table still holds while the count is the same (see derived-from-table.ts).
   */
  generation(): number;
}

/**
 * One way to store every synced entity: `id`, `version`, the portal's JSON in `data`, and the
 * columns a screen filters on. Table and column names come from code; values are always bound.
 */
export function entityTable<T, C extends string>(db: CacheDb, spec: EntityTableSpec<T, C>): EntityTable<T> {
  const names = ['id', 'version', 'data', ...spec.columnNames];
  const upsert = db.prepare(
    `INSERT INTO ${spec.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${names.filter((name) => name !== 'id').map((name) => `${name} = excluded.${name}`).join(', ')}
     WHERE excluded.version >= ${spec.table}.version`,
  );
  const remove = db.prepare(`DELETE FROM ${spec.table} WHERE id = ?`);
  const get = db.prepare(`SELECT data FROM ${spec.table} WHERE id = ?`).pluck();
  const orderBy = 'sql' in spec.order ? spec.order.sql : spec.order.presort;
  const sorted = (items: T[]): T[] => ('compare' in spec.order ? items.sort(spec.order.compare) : items);
  const all = db.prepare(`SELECT data FROM ${spec.table} ORDER BY ${orderBy}`).pluck();
  const count = db.prepare(`SELECT COUNT(*) FROM ${spec.table}`).pluck();
  const parse = (data: unknown): T => JSON.parse(data as string) as T;
  let writes = 0;

  return {
    put(item, version) {
      writes++;
      const columns = spec.columns(item);
      upsert.run(spec.idOf(item), version, JSON.stringify(item), ...spec.columnNames.map((name) => columns[name]));
    },
    remove(id) {
      writes++;
      remove.run(id);
    },
    get(id) {
      const data = get.get(id);
      return data === undefined ? undefined : parse(data);
    },
    all() {
      return sorted(all.all().map(parse));
    },
    where(condition, ...params) {
      return sorted(db.prepare(`SELECT data FROM ${spec.table} WHERE ${condition} ORDER BY ${orderBy}`).pluck().all(...params).map(parse));
    },
    count() {
      return count.get() as number;
    },
    generation() {
      return writes;
    },
  };
}
