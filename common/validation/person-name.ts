import type { FieldCheck } from './field-check';
import { checkFreeText } from './free-text';

export const MAX_PERSON_NAME_LENGTH = 100;

/** A first or last name: the shared free-text rule, then inner runs of spaces collapsed to one. */
export function checkPersonName(input: string): FieldCheck<string> {
  const checked = checkFreeText(input, {
    maxLength: MAX_PERSON_NAME_LENGTH,
    codes: { required: 'NAME_REQUIRED', invalidCharacters: 'NAME_INVALID_CHARACTERS', tooLong: 'NAME_TOO_LONG' },
  });
  return checked.ok ? { ok: true, value: checked.value.replace(/\s+/gu, ' ') } : checked;
}
