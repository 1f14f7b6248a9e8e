import { characterCount, hasControlCharacters, invalid, valid, type FieldCheck } from './field-check';

/**
 * The guide: a group name may not repeat another group's name in the organisation, and may not be
 * "over 60 characters together with the organisation's name". We count exactly that: prefix + name,
 * without the hyphen that joins them in the full name.
 */
export const MAX_PREFIX_AND_NAME_LENGTH = 60;

export type MachineGroupNameCode = 'NAME_REQUIRED' | 'NAME_INVALID_CHARACTERS' | 'NAME_TOO_LONG';

/** Trimmed and NFC-normalised, so visually equal names compare equal. */
export function normaliseMachineGroupName(name: string): string {
  return name.normalize('NFC').trim();
}

/** The uniqueness key: names are unique per organisation ignoring case. */
export function machineGroupNameKey(name: string): string {
  return normaliseMachineGroupName(name).toLowerCase();
}

/** The longest name allowed for an organisation with this prefix. */
export function maxMachineGroupNameLength(prefix: string): number {
  return Math.max(0, MAX_PREFIX_AND_NAME_LENGTH - characterCount(prefix));
}

/** `prefix-name`: how vendors see the group. */
export function machineGroupFullName(prefix: string, name: string): string {
  return `${prefix}-${name}`;
}

export function checkMachineGroupName(name: string, prefix: string): FieldCheck<string> {
  const normalised = normaliseMachineGroupName(name);
  if (normalised.length === 0) return invalid('NAME_REQUIRED', 'The name must have at least one character');
  if (hasControlCharacters(normalised)) return invalid('NAME_INVALID_CHARACTERS', 'The name may not contain control characters');
  const max = maxMachineGroupNameLength(prefix);
  if (characterCount(normalised) > max) {
    return invalid('NAME_TOO_LONG', `The name may have at most ${max} characters: ${MAX_PREFIX_AND_NAME_LENGTH} together with the organisation prefix "${prefix}"`);
  }
  return valid(normalised);
}
