import { characterCount, invalid, valid, type FieldCheck } from './field-check';

/**
 * The one rule for every free-text field the portal stores (group, person and review names,
 * justifications): NFC, trimmed, and refused — not cleaned — when it holds a character a reader
 * cannot see or that changes how the rest is shown. Text that looks fine but is not what it looks
 * like is how a second "Maskiner" or a justification of nothing gets in.
 *
 * NFC is the one silent change: canonically equivalent text looks and means the same, some keyboards
 * and clipboards produce the decomposed form ("a" + combining ring for "å"), and refusing what the
 * user cannot tell apart would leave them no way to fix it. Trimming removes Unicode White_Space at
 * both ends, as people expect of a form field. Everything else that is wrong is refused, so what is
 * stored is exactly what was shown.
 */
export interface FreeTextRule {
  /** In characters (code points) after NFC and trimming. */
  maxLength: number;
  /** A text area: line feeds are allowed inside the text (a browser's text area sends LF only). */
  multiline?: boolean;
  /** Empty after trimming: `required` is that field's code; without it empty text is valid (''). */
  codes: { required?: string; invalidCharacters: string; tooLong: string };
}

// Controls (Cc), format characters (Cf: zero-width space/joiners U+200B–U+200D, word joiner U+2060,
// bidi embeddings and overrides U+202A–U+202E and isolates U+2066–U+2069, soft hyphen, BOM, tag
// characters), line and paragraph separators, lone surrogates, noncharacters, and U+2800 BRAILLE
// PATTERN BLANK, a symbol that prints as a space but is not one.
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Noncharacter_Code_Point}\u{E0000}-\u{E007F}\u2800]/u;
// Default-ignorable code points render as nothing (U+3164 HANGUL FILLER makes a "blank" name); UTS #39
// drops them from skeletons. Variation selectors among them are part of emoji and CJK text and are
// allowed where they select something: right after a visible character.
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const VARIATION_SELECTOR = /\p{Variation_Selector}/u;
const WHITE_SPACE = /\p{White_Space}/u;
const EDGE_WHITE_SPACE = /^\p{White_Space}+|\p{White_Space}+$/gu;

/** NFC, and Unicode White_Space removed at both ends (unlike String.trim, a leading U+FEFF stays, to be refused). */
export function normaliseFreeText(text: string): string {
  return text.normalize('NFC').replace(EDGE_WHITE_SPACE, '');
}

/** The first character the rule refuses, with its position in code points; undefined when there is none. */
export function findForbiddenCharacter(text: string, multiline = false): { codePoint: number; position: number } | undefined {
  let position = 0;
  let previous: string | undefined;
  for (const char of text) {
    const refused =
      (FORBIDDEN.test(char) && !(multiline && char === '\n')) ||
      (IGNORABLE.test(char) && !VARIATION_SELECTOR.test(char)) ||
      (VARIATION_SELECTOR.test(char) && (previous === undefined || WHITE_SPACE.test(previous) || VARIATION_SELECTOR.test(previous)));
    if (refused) return { codePoint: char.codePointAt(0)!, position };
    previous = char;
    position++;
  }
  return undefined;
}

/** "U+200B", as the English developer message names a character. */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function checkFreeText(input: string, rule: FreeTextRule): FieldCheck<string> {
  const text = normaliseFreeText(input);
  if (text === '' && rule.codes.required) return invalid(rule.codes.required, 'Required: empty after trimming');
  const forbidden = findForbiddenCharacter(text, rule.multiline);
  if (forbidden) {
    const what = (forbidden.codePoint & 0xf800) === 0xd800 ? 'an unpaired surrogate (a broken character)' : 'an invisible, control or direction-changing character';
    return invalid(rule.codes.invalidCharacters, `Contains ${what}: ${codePointLabel(forbidden.codePoint)} at character ${forbidden.position + 1}`);
  }
  const length = characterCount(text);
  if (length > rule.maxLength) return invalid(rule.codes.tooLong, `At most ${rule.maxLength} characters, not ${length}`);
  return valid(text);
}
