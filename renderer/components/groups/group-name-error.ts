import type { TFunction } from 'i18next';
import type { NewGroupNameCode, NewGroupNameDraft } from '../../../common/groups/new-group-name';
import { codePointLabel } from '../../../common/validation/free-text';

export const groupNameCodes: readonly string[] = ['NAME_REQUIRED', 'NAME_INVALID_CHARACTERS', 'NAME_TOO_LONG', 'NAME_TAKEN'] satisfies NewGroupNameCode[];
export const isGroupNameCode = (code: string): code is NewGroupNameCode => groupNameCodes.includes(code);

// A character a reader can see in quotes; anything else (a control, a special space, a lone mark) is named by its code.
const VISIBLE = /^[\p{L}\p{N}\p{P}\p{S}]$/u;

/**
 * The text for a refused group name, the same in "Ny maskingruppe" and "Gi nytt navn": which character is
 * not allowed (the shared validator names the first), how long it may be, which group has the name.
 */
export function groupNameErrorText(t: TFunction, code: NewGroupNameCode, draft: NewGroupNameDraft, prefix: string, name: string): string {
  if (code === 'NAME_INVALID_CHARACTERS') {
    const refused = draft.refusedCharacter;
    if (refused !== undefined && VISIBLE.test(refused)) return t('groups.create.errors.NAME_INVALID_CHARACTERS', { character: refused });
    return t('groups.create.errors.NAME_INVALID_CHARACTERS_invisible', { code: refused === undefined ? '' : codePointLabel(refused.codePointAt(0)!) });
  }
  return t(`groups.create.errors.${code}`, { max: draft.max, prefix, name: name.trim() });
}
