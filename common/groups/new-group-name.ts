import { characterCount, invalid, type FieldCheck } from '../validation/field-check';
import { checkMachineGroupName, machineGroupFullName, machineGroupNameKey, maxMachineGroupNameLength, normaliseMachineGroupName } from '../validation/machine-group-name';

export type NewGroupNameCode = 'NAME_REQUIRED' | 'NAME_INVALID_CHARACTERS' | 'NAME_TOO_LONG' | 'NAME_TAKEN';

/** What the "Ny maskingruppe" form shows while the admin types: the full name, the budget, the first problem. */
export interface NewGroupNameDraft {
  fullName: string;
  used: number;
  max: number;
  check: FieldCheck<string>;
}

/**
 * The portal's rules (shared validator) plus the one it can only check itself: the name must not repeat
 * another group's name in the organisation, ignoring case. We check it against the cached list so the
 * admin sees it before sending; the portal still has the last word.
 */
export function draftNewGroupName(name: string, prefix: string, existingKeys: ReadonlySet<string>): NewGroupNameDraft {
  const normalised = normaliseMachineGroupName(name);
  const rules = checkMachineGroupName(name, prefix);
  const check = rules.ok && existingKeys.has(machineGroupNameKey(name)) ? invalid('NAME_TAKEN', 'Another machine group already has this name') : rules;
  return {
    fullName: machineGroupFullName(prefix, normalised),
    used: characterCount(normalised),
    max: maxMachineGroupNameLength(prefix),
    check,
  };
}

export function groupNameKeys(groups: ReadonlyArray<{ name: string }>): Set<string> {
  return new Set(groups.map((group) => machineGroupNameKey(group.name)));
}
