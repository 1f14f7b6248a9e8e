import { compareNames } from './name-collation';

export type SortDirection = 'ascending' | 'descending';

/**
 * What a column sorts by. Text in Norwegian collation, times by the instant (ISO 8601 strings, whatever
 * their offset), numbers by value. A missing value (null: "Aldri", "Aldri vurdert") sorts after every
 * present one in both directions, so flipping the direction never buries the rows that have a value.
 */
export type SortKey<T> =
  | { kind: 'text'; value: (row: T) => string }
  | { kind: 'time'; value: (row: T) => string | null }
  | { kind: 'number'; value: (row: T) => number | null };

export interface SortState {
  column: string;
  direction: SortDirection;
}

/**
 * A sorted copy of `rows`. Each row's value is read once (a header click on 100 000 rows must not read
 * or parse a value per comparison), and equal values keep their order in `rows`, so a second sort
 * refines the first.
 */
export function sortRows<T>(rows: readonly T[], key: SortKey<T>, direction: SortDirection): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const indexes = rows.map((_, index) => index);
  if (key.kind === 'text') {
    const values = rows.map(key.value);
    indexes.sort((a, b) => sign * compareNames(values[a]!, values[b]!) || a - b);
  } else {
    const values = rows.map((row) => numericValue(key, row));
    indexes.sort((a, b) => {
      const left = values[a]!;
      const right = values[b]!;
      if (Number.isNaN(left) || Number.isNaN(right)) return Number(Number.isNaN(left)) - Number(Number.isNaN(right)) || a - b;
      return sign * (left - right) || a - b;
    });
  }
  return indexes.map((index) => rows[index]!);
}

/** NaN stands for "no value": a null, or a time that does not parse. */
function numericValue<T>(key: Extract<SortKey<T>, { kind: 'time' | 'number' }>, row: T): number {
  if (key.kind === 'number') return key.value(row) ?? Number.NaN;
  const value = key.value(row);
  return value === null ? Number.NaN : Date.parse(value);
}
