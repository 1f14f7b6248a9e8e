import { describe, expect, it } from 'vitest';
import { checkFreeText, findForbiddenCharacter, normaliseFreeText, type FreeTextRule } from './free-text';

const rule: FreeTextRule = { maxLength: 10, codes: { required: 'REQ', invalidCharacters: 'BAD', tooLong: 'LONG' } };
const check = (text: string, overrides: Partial<FreeTextRule> = {}) => checkFreeText(text, { ...rule, ...overrides });

describe('the shared free-text rule', () => {
  it('stores NFC: a decomposed "å" (a + combining ring) becomes the one character, and counts once', () => {
    expect(check('A\u030alesund')).toEqual({ ok: true, value: 'Ålesund' });
    expect(check('a\u030a'.repeat(10))).toEqual({ ok: true, value: 'å'.repeat(10) });
    expect(check('a\u030a'.repeat(11))).toMatchObject({ ok: false, code: 'LONG' });
  });

  it('trims Unicode white space at both ends, and refuses text that is empty after that', () => {
    expect(check(' \t\u00a0\u3000Kari\n\u2028 ')).toEqual({ ok: true, value: 'Kari' });
    for (const blank of ['', '   ', '\t\n\r', '\u00a0\u2003\u3000', '\u2028\u2029']) expect(check(blank)).toMatchObject({ ok: false, code: 'REQ' });
    expect(check('  ', { codes: { invalidCharacters: 'BAD', tooLong: 'LONG' } })).toEqual({ ok: true, value: '' });
  });

  it.each([
    ['NUL (Cc)', 'ok\u0000'],
    ['BEL (Cc)', 'Ser\u0007vere'],
    ['tab inside (Cc)', 'Kari\tAnne'],
    ['line feed inside (Cc)', 'Ser\nvere'],
    ['carriage return (Cc)', 'a\rb'],
    ['DEL (Cc)', 'a\u007fb'],
    ['NEL, a C1 control (Cc)', 'a\u0085b'],
    ['soft hyphen (Cf)', 'Mask\u00adiner'],
    ['Arabic letter mark (Cf)', 'a\u061cb'],
    ['zero width space U+200B (Cf)', 'Mask\u200biner'],
    ['zero width non-joiner U+200C (Cf)', 'Mask\u200ciner'],
    ['zero width joiner U+200D (Cf)', 'Mask\u200diner'],
    ['left-to-right mark U+200E (Cf)', 'a\u200eb'],
    ['right-to-left mark U+200F (Cf)', 'a\u200fb'],
    ['word joiner U+2060 (Cf)', 'Maskiner\u2060x'],
    ['left-to-right embedding U+202A', 'a\u202ab'],
    ['right-to-left embedding U+202B', 'a\u202bb'],
    ['pop directional formatting U+202C', 'a\u202cb'],
    ['left-to-right override U+202D', 'a\u202db'],
    ['right-to-left override U+202E', 'exe.\u202etxt'],
    ['left-to-right isolate U+2066', 'a\u2066b'],
    ['right-to-left isolate U+2067', 'a\u2067b'],
    ['first strong isolate U+2068', 'a\u2068b'],
    ['pop directional isolate U+2069', 'a\u2069b'],
    ['byte order mark U+FEFF, even leading', '\ufeffKari'],
    ['line separator U+2028 inside', 'a\u2028b'],
    ['paragraph separator U+2029 inside', 'a\u2029b'],
    ['tag U+E0000 (unassigned)', 'a\u{e0000}b'],
    ['language tag U+E0001', 'a\u{e0001}b'],
    ['tag letter U+E0041', 'a\u{e0041}b'],
    ['cancel tag U+E007F', 'a\u{e007f}b'],
    ['lone high surrogate', 'a\ud800b'],
    ['lone low surrogate', 'a\udc00b'],
    ['surrogates in the wrong order', 'a\ude00\ud83db'],
    ['noncharacter U+FFFF', 'a\uffffb'],
    ['Hangul filler U+3164 (renders as nothing)', '\u3164'],
    ['Hangul choseong filler U+115F', 'a\u115fb'],
    ['combining grapheme joiner U+034F', 'a\u034fb'],
    ['braille pattern blank U+2800', '\u2800'],
    ['a variation selector with nothing to select', '\ufe0f'],
    ['a variation selector after a space', 'ok \ufe0f'],
  ])('refuses %s, naming the character', (_what, text) => {
    const result = check(text, { maxLength: 100 });
    expect(result).toMatchObject({ ok: false, code: 'BAD' });
    expect(result.ok ? '' : result.message).toMatch(/U\+[0-9A-F]{4,5} at character \d+/);
  });

  it('refuses a text made only of a zero width space, rather than calling it empty or cleaning it', () => {
    expect(check('\u200b')).toMatchObject({ ok: false, code: 'BAD', message: expect.stringContaining('U+200B at character 1') });
    expect(findForbiddenCharacter('Mask\u200biner')).toEqual({ codePoint: 0x200b, position: 4 });
  });

  it('tells a broken (unpaired) surrogate apart from an invisible character', () => {
    expect(check('a\ud800')).toMatchObject({ ok: false, message: expect.stringContaining('unpaired surrogate') });
    expect(check('a\u200b')).toMatchObject({ ok: false, message: expect.stringContaining('invisible') });
  });

  it('allows line feeds inside a multi-line text, and nothing else of the kind', () => {
    expect(check('Linje 1\nLinje 2', { maxLength: 100, multiline: true })).toEqual({ ok: true, value: 'Linje 1\nLinje 2' });
    expect(check('Linje 1\r\nLinje 2', { maxLength: 100, multiline: true })).toMatchObject({ ok: false, code: 'BAD' });
    expect(check('Linje 1\u2028Linje 2', { maxLength: 100, multiline: true })).toMatchObject({ ok: false, code: 'BAD' });
  });

  it('keeps what people write: letters of every script, spaces inside, punctuation, emoji with their variation selector', () => {
    for (const text of ['Røntgen-lab 2', 'Čáhcesuolu', 'Åse Ødegård', 'Mаskiner', '東京 オフィス', 'Kari\u00a0Anne', '🖥️ Servere', '#️⃣', '❤️', '😀']) {
      expect(check(text, { maxLength: 100 })).toEqual({ ok: true, value: text.normalize('NFC') });
    }
  });

  it('counts characters as a person does (code points), after trimming', () => {
    expect(check(`  ${'x'.repeat(10)}  `)).toEqual({ ok: true, value: 'x'.repeat(10) });
    expect(check('😀'.repeat(10))).toMatchObject({ ok: true });
    expect(check('😀'.repeat(11))).toMatchObject({ ok: false, code: 'LONG', message: 'At most 10 characters, not 11' });
  });

  it('normalises without refusing, for keys and previews', () => {
    expect(normaliseFreeText('\u00a0A\u030a\u2029')).toBe('Å');
    expect(normaliseFreeText('\ufeffA ')).toBe('\ufeffA');
  });
});
