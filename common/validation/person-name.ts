import { characterCount, hasControlCharacters, invalid, valid, type FieldCheck } from './field-check';

export const MAX_PERSON_NAME_LENGTH = 100;

/** A first or last name: trimmed, NFC, inner runs of whitespace collapsed, no control characters. */
export function checkPersonName(input: string): FieldCheck<string> {
  const name = input.normalize('NFC').trim();
  if (name.length === 0) return invalid('NAME_REQUIRED', 'A name is required');
  if (hasControlCharacters(name)) return invalid('NAME_INVALID_CHARACTERS', 'The name may not contain control characters');
  if (characterCount(name) > MAX_PERSON_NAME_LENGTH) {
    return invalid('NAME_TOO_LONG', `The name may have at most ${MAX_PERSON_NAME_LENGTH} characters`);
  }
  return valid(name.replace(/\s+/gu, ' '));
}
