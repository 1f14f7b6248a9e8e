import { describe, expect, it } from 'vitest';
import { characterCount, hasControlCharacters } from './field-check';

describe('field checks', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(characterCount('æøå')).toBe(3);
    expect(characterCount('🖥️')).toBe(2);
    expect(characterCount('😀')).toBe(1);
  });

  it('finds C0, DEL and C1 control characters only', () => {
    expect(hasControlCharacters('a\tb')).toBe(true);
    expect(hasControlCharacters('a\u007fb')).toBe(true);
    expect(hasControlCharacters('a\u0085b')).toBe(true);
    expect(hasControlCharacters('Æ Ø Å – ok')).toBe(false);
  });
});
