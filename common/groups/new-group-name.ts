import { characterCount, invalid, type FieldCheck } from '../validation/field-check';
import {
  checkMachineGroupName,
  disallowedGroupNameCharacter,
  machineGroupFullName,
  machineGroupNameKey,
  maxMachineGroupNameLength,
  normaliseMachineGroupName,
} from '../validation/machine-group-name';

export type NewGroupNameCode = 'NAME_REQUIRED' | 'NAME_INVALID_CHARACTERS' | 'NAME_TOO_LONG' | 'NAME_TAKEN';

/** What the "Ny maskingruppe" form shows while the admin types: the full name, the budget, the first problem. */
export interface NewGroupNameDraft {
  fullName: string;
  used: number;
  max: number;
  check: FieldCheck<string>;
  /** With NAME_INVALID_CHARACTERS: the first character refused, for the text that names it. */
  refusedCharacter?: string;
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
  const refusedCharacter = !check.ok && check.code === 'NAME_INVALID_CHARACTERS' ? disallowedGroupNameCharacter(name) : undefined;
  return {
    fullName: machineGroupFullName(prefix, normalised),
    used: characterCount(normalised),
    max: maxMachineGroupNameLength(prefix),
    check,
    ...(refusedCharacter !== undefined && { refusedCharacter }),
  };
}

/**
 * "Gi nytt navn": the same rules as a new name, against every other group (the group's own name is not
 * taken from itself, so "maskiner" may become "Maskiner"). `unchanged` when the name would stay as it is.
 */
export function draftGroupRename(
  name: string,
  prefix: string,
  group: { id: string; name: string },
  groups: ReadonlyArray<{ id: string; name: string }>,
): NewGroupNameDraft & { unchanged: boolean } {
  const draft = draftNewGroupName(name, prefix, groupNameKeys(groups.filter((other) => other.id !== group.id)));
  return { ...draft, unchanged: normaliseMachineGroupName(name) === group.name };
}

export function groupNameKeys(groups: ReadonlyArray<{ name: string }>): Set<string> {
  return new Set(groups.map((group) => machineGroupNameKey(group.name)));
}
