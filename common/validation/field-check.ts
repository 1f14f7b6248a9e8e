/**
 * What a shared validation rule returns: the normalised value, or a stable code (which the app maps to
 * Norwegian and English text) with an English developer-facing message.
 */
export type FieldCheck<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

export const valid = <T>(value: T): FieldCheck<T> => ({ ok: true, value });
export const invalid = (code: string, message: string): FieldCheck<never> => ({ ok: false, code, message });

/** C0 and C1 control characters and DEL: never part of a name, an address or a number. */
export function hasControlCharacters(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/** Length in characters (code points), so "æøå" and an emoji each count as one as a person would count them. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _char of text) count++;
  return count;
}
