import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, csvDelimiter, toCsv, type CsvDelimiter } from './csv';

const rows = [
  ['Østfold Fjerndrift AS', 'Tilgang uten godkjenning', 'sa "ja", til slutt; og mente det'],
  ['Bærum Journalteknikk AS', 'linje 1\nlinje 2', ''],
];

describe('toCsv', () => {
  it('separates with ";" for Norwegian Excel and "," for English', () => {
    expect(csvDelimiter('nb')).toBe(';');
    expect(csvDelimiter('en')).toBe(',');
    expect(toCsv(['a', 'b'], [['1', '2']], ';')).toBe('\uFEFFa;b\r\n1;2\r\n');
    expect(toCsv(['a', 'b'], [['1', '2']], ',')).toBe('\uFEFFa,b\r\n1,2\r\n');
  });

  for (const delimiter of [';', ','] as CsvDelimiter[]) {
    it(`round-trips Norwegian letters, quotes, both separators and line breaks through a real CSV parser (${delimiter})`, () => {
      const text = toCsv(['Leverandør', 'Tilgang', 'Begrunnelse'], rows, delimiter);
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text).toContain('\r\n');
      const parsed = parse(text, { bom: true, delimiter }) as string[][];
      expect(parsed).toEqual([['Leverandør', 'Tilgang', 'Begrunnelse'], ...rows]);
    });
  }

  it('neutralises cells a spreadsheet would run as a formula', () => {
    const hostile = ['=HYPERLINK("http://evil.example";"klikk")', '+1+1', '-2+3', '@SUM(A1)', '\t=1'];
    const parsed = parse(toCsv(['x'], hostile.map((cell) => [cell]), ';'), { bom: true, delimiter: ';' }) as string[][];
    for (const [index, cell] of hostile.entries()) {
      expect(parsed[index + 1]![0]).toBe(`'${cell}`);
    }
    expect(csvCell(-5, ';')).toBe('-5'); // numbers are data, not formulas
    expect(csvCell('vanlig tekst', ';')).toBe('vanlig tekst');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a;b', ',')).toBe('a;b');
  });
});
