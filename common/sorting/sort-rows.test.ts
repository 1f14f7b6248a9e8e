import { describe, expect, it } from 'vitest';
import { sortRows, type SortKey } from './sort-rows';

interface Row {
  id: string;
  name: string;
  at: string | null;
  count: number | null;
}

const rows: Row[] = [
  { id: 'a', name: 'Østfold', at: '2026-12-08T10:00:00+01:00', count: 10 },
  { id: 'b', name: 'Bærum', at: null, count: 2 },
  { id: 'c', name: 'Ålesund', at: '2026-12-08T09:30:00Z', count: null },
  { id: 'd', name: 'Zeta', at: '2026-01-01T00:00:00.000Z', count: 2 },
];
const ids = (sorted: Row[]) => sorted.map((row) => row.id).join('');

describe('sorting table rows', () => {
  const byName: SortKey<Row> = { kind: 'text', value: (row) => row.name };
  const byTime: SortKey<Row> = { kind: 'time', value: (row) => row.at };
  const byCount: SortKey<Row> = { kind: 'number', value: (row) => row.count };

  it('sorts text in Norwegian order, both ways', () => {
    expect(ids(sortRows(rows, byName, 'ascending'))).toBe('bdac');
    expect(ids(sortRows(rows, byName, 'descending'))).toBe('cadb');
  });

  it('sorts times by the instant, not by the text (10:00+01:00 is 09:00Z, before 09:30Z), missing last both ways', () => {
    expect(ids(sortRows(rows, byTime, 'ascending'))).toBe('dacb');
    expect(ids(sortRows(rows, byTime, 'descending'))).toBe('cadb');
  });

  it('sorts numbers by value (10 after 2), missing last, equal values in their given order', () => {
    expect(ids(sortRows(rows, byCount, 'ascending'))).toBe('bdac');
    expect(ids(sortRows(rows, byCount, 'descending'))).toBe('abdc');
  });

  it('returns a copy and reads each value once per row', () => {
    let reads = 0;
    const counted: SortKey<Row> = { kind: 'text', value: (row) => (reads++, row.name) };
    const sorted = sortRows(rows, counted, 'ascending');
    expect(reads).toBe(rows.length);
    expect(sorted).not.toBe(rows);
    expect(ids(rows)).toBe('abcd');
  });

  it('treats a time that does not parse as missing', () => {
    const odd = [{ ...rows[0]!, at: 'not a time' }, rows[3]!];
    expect(ids(sortRows(odd, byTime, 'ascending'))).toBe('da');
    expect(ids(sortRows(odd, byTime, 'descending'))).toBe('da');
  });
});
