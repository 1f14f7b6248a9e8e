import { describe, expect, it } from 'vitest';
import { checkPersonName } from './person-name';

describe('checkPersonName', () => {
  it('trims, NFC-normalises and collapses inner whitespace', () => {
    expect(checkPersonName('  Kari   Anne ')).toEqual({ ok: true, value: 'Kari Anne' });
    expect(checkPersonName('Bjo\u0308rn')).toEqual({ ok: true, value: 'Björn' });
  });

  it('refuses empty, control characters and over-long names', () => {
    expect(checkPersonName(' ')).toMatchObject({ ok: false, code: 'NAME_REQUIRED' });
    expect(checkPersonName('Kari\u0000')).toMatchObject({ ok: false, code: 'NAME_INVALID_CHARACTERS' });
    expect(checkPersonName('x'.repeat(101))).toMatchObject({ ok: false, code: 'NAME_TOO_LONG' });
    expect(checkPersonName('x'.repeat(100)).ok).toBe(true);
  });

  it('refuses invisible and direction-changing characters instead of storing them (the shared free-text rule)', () => {
    for (const name of ['\u200b', 'Kari\u202e', 'Ka\u200dri', '\u2067Kari\u2069', 'Kari\tAnne', 'Kari\ud83d']) {
      expect(checkPersonName(name)).toMatchObject({ ok: false, code: 'NAME_INVALID_CHARACTERS' });
    }
  });
});
