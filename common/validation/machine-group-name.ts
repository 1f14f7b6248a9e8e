import { confusableSkeleton } from './confusable-skeleton';
import { characterCount, invalid, type FieldCheck } from './field-check';
import { checkFreeText, normaliseFreeText } from './free-text';

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

/** The shared free-text rule, with the guide's length budget. */
export function checkMachineGroupName(name: string, prefix: string): FieldCheck<string> {
  const max = maxMachineGroupNameLength(prefix);
  const checked = checkFreeText(name, {
    maxLength: max,
    codes: { required: 'NAME_REQUIRED', invalidCharacters: 'NAME_INVALID_CHARACTERS', tooLong: 'NAME_TOO_LONG' },
  });
  if (!checked.ok && checked.code === 'NAME_TOO_LONG') {
    return invalid('NAME_TOO_LONG', `The name may have at most ${max} characters: ${MAX_PREFIX_AND_NAME_LENGTH} together with the organisation prefix "${prefix}"`);
  }
  return checked;
}
