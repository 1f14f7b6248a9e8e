import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('toCsv', () => {
  it('round-trips Norwegian letters, quotes, commas and line breaks through a real CSV parser', () => {
    const rows = [
      ['Østfold Fjerndrift AS', 'Tilgang uten godkjenning', 'sa "ja", til slutt'],
      ['Bærum Journalteknikk AS', 'linje 1\nlinje 2', ''],
    ];
    const text = toCsv(['Leverandør', 'Tilgang', 'Begrunnelse'], rows);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    const parsed = parse(text, { bom: true }) as string[][];
    expect(parsed).toEqual([['Leverandør', 'Tilgang', 'Begrunnelse'], ...rows]);
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    const hostile = ['=HYPERLINK("http://evil.example","klikk")', '+1+1', '-2+3', '@SUM(A1)', '\t=1'];
    const parsed = parse(toCsv(['x'], hostile.map((cell) => [cell])), { bom: true }) as string[][];
    for (const [index, cell] of hostile.entries()) {
      expect(parsed[index + 1]![0]).toBe(`'${cell}`);
    }
    expect(csvCell(-5)).toBe('-5'); // numbers are data, not formulas
    expect(csvCell('vanlig tekst')).toBe('vanlig tekst');
  });
});
