import { describe, expect, it } from 'vitest';
import { REPLACEMENT_CHARACTER, toDrawableCharacters, wrapText } from './bitmap-font';
import { miscFixedFont } from './misc-fixed-font';

const chars = (text: string): string[] => Array.from(text);
const joined = (lines: string[][]): string[] => lines.map((line) => line.join(''));

describe('miscFixedFont', () => {
  it('holds well-formed glyphs for Norwegian letters, common accents and the replacement character', () => {
    const hexPerGlyph = miscFixedFont.cellHeight * Math.ceil(miscFixedFont.cellWidth / 8) * 2;
    for (const [codePoint, rows] of miscFixedFont.glyphs) {
      expect(rows, `U+${codePoint.toString(16)}`).toMatch(new RegExp(`^[0-9a-f]{${hexPerGlyph}}$`));
    }
    for (const char of 'æøåÆØÅ éèêëáàâäóòôöúùûüíìîïñçßšžčłńśźżőűÿ ’–…' + REPLACEMENT_CHARACTER) {
      expect(miscFixedFont.glyphs.has(char.codePointAt(0) ?? -1), char).toBe(true);
    }
  });
});

describe('toDrawableCharacters', () => {
  it('composes decomposed letters, turns whitespace into spaces and unknown characters into "?"', () => {
    expect(toDrawableCharacters(miscFixedFont, 'A\u030Ase\tx\ny')).toEqual(chars('Åse x y'));
    expect(toDrawableCharacters(miscFixedFont, '中😀\u0000')).toEqual(['?', '?', '?']);
  });
});

describe('wrapText', () => {
  it('keeps short text on one line', () => {
    expect(joined(wrapText(chars('Norsk Helsenett'), 20, 3))).toEqual(['Norsk Helsenett']);
  });

  it('breaks at spaces', () => {
    expect(joined(wrapText(chars('Helse Sør-Øst RHF Sykehuset Østfold'), 18, 3))).toEqual(['Helse Sør-Øst RHF', 'Sykehuset Østfold']);
  });

  it('breaks inside a word only when the word alone is too long', () => {
    expect(joined(wrapText(chars('ab kari.nordmann@example.no'), 10, 4))).toEqual(['ab', 'kari.nordm', 'ann@exampl', 'e.no']);
  });

  it('marks cut text with "..."', () => {
    expect(joined(wrapText(chars('one two three four five six'), 9, 2))).toEqual(['one two', 'three...']);
    expect(joined(wrapText(chars('x'.repeat(30)), 10, 2))).toEqual(['x'.repeat(10), `${'x'.repeat(7)}...`]);
  });

  it('returns one empty line for empty text', () => {
    expect(wrapText([], 10, 2)).toEqual([[]]);
  });
});
