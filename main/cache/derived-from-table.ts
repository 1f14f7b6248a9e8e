import type { EntityTable } from './entity-table';

/**
 * What a reader derives from a whole table (the users list: 10 000 rows read, parsed, sorted in Norwegian
 * order and cut to summaries, tens of milliseconds), kept until the table's next write, so asking again costs nothing.
 * Every write goes through the table (entity-table.ts), so its generation says when it changed. The value is
 * frozen: it is handed to every caller, and none may change it for the others.
 */
export function derivedFromTable<T, R extends object>(derive: (table: EntityTable<T>) => R): (table: EntityTable<T>) => Readonly<R> {
  const kept = new WeakMap<EntityTable<T>, { generation: number; value: Readonly<R> }>();
  return (table) => {
    const generation = table.generation();
    const held = kept.get(table);
    if (held?.generation === generation) return held.value;
    const value = Object.freeze(derive(table));
    kept.set(table, { generation, value });
    return value;
  };
}
