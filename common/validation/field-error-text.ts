import type { FieldIssue } from '../result';

/** What the texts are looked up in: i18next's `t` and `exists` (the renderer's), or any with the same meaning. */
export interface FieldTextSource {
  t(key: string, options?: Record<string, unknown>): string;
  exists(key: string): boolean;
}

/** Codes are UPPER_SNAKE words; anything else (a dot would walk into another part of the texts) is unknown. */
const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * The text for one field's issue, however it was found (the form's own check, main's contract, the
 * portal): the form's own wording first (`scopes`: 'users' looks up `users.fieldErrors.<code>`), then the
 * shared `fieldErrors.<code>`; with the issue's limit when it has one and a text says it
 * (`<code>_limit`: "For langt: maks 80 tegn."). An unknown code still says, translated, which field is
 * not valid: never the English developer message, never a raw code. Where the label is already shown
 * beside the text (a list of "field: reason"), `named: false` leaves it out of that generic text.
 */
export function fieldIssueText(
  source: FieldTextSource,
  issue: Pick<FieldIssue, 'code' | 'limit'>,
  fieldLabel: string,
  scopes: readonly string[] = [],
  named = true,
): string {
  if (CODE.test(issue.code)) {
    for (const key of [...scopes.map((scope) => `${scope}.fieldErrors.${issue.code}`), `fieldErrors.${issue.code}`]) {
      if (issue.limit !== undefined && source.exists(`${key}_limit`)) return source.t(`${key}_limit`, { limit: issue.limit, field: fieldLabel });
      if (source.exists(key)) return source.t(key, { field: fieldLabel });
    }
  }
  return named ? source.t('fieldErrors.unknown', { field: fieldLabel }) : source.t('fieldErrors.INVALID');
}
