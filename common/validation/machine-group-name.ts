import { confusableSkeleton } from './confusable-skeleton';
import { characterCount, invalid, type FieldCheck } from './field-check';
import { checkFreeText, codePointLabel, normaliseFreeText } from './free-text';

/**
 * The guide: a group name may not repeat another group's name in the organisation, and may not be
 * "over 60 characters together with the organisation's name". We count exactly that: prefix + name,
 * without the hyphen that joins them in the full name.
 */
export const MAX_PREFIX_AND_NAME_LENGTH = 60;

export type MachineGroupNameCode = 'NAME_REQUIRED' | 'NAME_INVALID_CHARACTERS' | 'NAME_TOO_LONG';

/** Trimmed and NFC-normalised (the shared free-text rule), so visually equal names compare equal. */
export function normaliseMachineGroupName(name: string): string {
  return normaliseFreeText(name);
}

/**
 * The uniqueness key: names are unique per organisation ignoring case, compatibility forms and
 * look-alike letters, so a second "Maskiner" cannot be made with a Cyrillic "а", full-width letters
 * or a zero width space. NFKC first (full-width and mathematical letters become plain ones, which
 * confusables.txt leaves to NFKC); then case, folded to upper case (so "ß" and "SS" meet, and the key
 * is the same whatever the case); the UTS #39 skeleton then maps capitals that look alike (Cyrillic
 * "М" to "M", "I" to "l"), and lower-casing that and taking the skeleton again maps the small letters
 * that look alike only in lower case (Cyrillic "ԁ" to "d"). Characters that render as nothing are
 * dropped, so stored names that predate the text rule collide too.
 */
export function machineGroupNameKey(name: string): string {
  return confusableSkeleton(confusableSkeleton(normaliseMachineGroupName(name).normalize('NFKC').toUpperCase()).toLowerCase());
}

/** The longest name allowed for an organisation with this prefix. */
export function maxMachineGroupNameLength(prefix: string): number {
  return Math.max(0, MAX_PREFIX_AND_NAME_LENGTH - characterCount(prefix));
}

/** `prefix-name`: how vendors see the group. */
export function machineGroupFullName(prefix: string, name: string): string {
  return `${prefix}-${name}`;
}

/**
 * What a group name may hold. The full name goes to every vendor's remote-support tool and into the
 * engine's group names, where "/" reads as a path, "<" as markup and an emoji as whatever that system
 * makes of it; so the name is limited to what a person types for a place or a purpose: letters of any
 * alphabet (\p{L}: æ, ø, å, the Sámi letters á č đ ŋ š ŧ ž, and letters look-alike folding keeps
 * apart, see machineGroupNameKey), the digits 0–9, the space, "-", "_" and ".". Combining marks are
 * not letters: NFC composes every letter that has a composed form, and a mark left over is decoration.
 */
const ALLOWED_CHARACTER = /^[\p{L}0-9 _.-]$/u;

/** The first character of the (normalised) name that the rule refuses, as it is; undefined when none. */
export function disallowedGroupNameCharacter(name: string): string | undefined {
  for (const char of normaliseMachineGroupName(name)) {
    if (!ALLOWED_CHARACTER.test(char)) return char;
  }
  return undefined;
}

/** The shared free-text rule, then the group name's own characters, with the guide's length budget. */
export function checkMachineGroupName(name: string, prefix: string): FieldCheck<string> {
  const max = maxMachineGroupNameLength(prefix);
  const checked = checkFreeText(name, {
    maxLength: max,
    codes: { required: 'NAME_REQUIRED', invalidCharacters: 'NAME_INVALID_CHARACTERS', tooLong: 'NAME_TOO_LONG' },
  });
  if (!checked.ok && checked.code === 'NAME_TOO_LONG') {
    return invalid('NAME_TOO_LONG', `The name may have at most ${max} characters: ${MAX_PREFIX_AND_NAME_LENGTH} together with the organisation prefix "${prefix}"`);
  }
  if (!checked.ok) return checked;
  const refused = disallowedGroupNameCharacter(checked.value);
  if (refused !== undefined) {
    const position = [...checked.value].indexOf(refused) + 1;
    return invalid(
      'NAME_INVALID_CHARACTERS',
      `"${refused}" (${codePointLabel(refused.codePointAt(0)!)}) at character ${position} is not allowed: use letters, digits 0-9, space, "-", "_" and "."`,
    );
  }
  return checked;
}
