import i18next, { type TFunction } from 'i18next';
import type { FieldIssue, PortalErrorData } from '../../common/result';
import { fieldIssueText, type FieldTextSource } from '../../common/validation/field-error-text';
import { issueOfField } from '../../common/validation/field-issues';

/** The app's texts as the shared field-error rules read them (common/validation/field-error-text.ts). */
function source(t: TFunction): FieldTextSource {
  return {
    t: (key, options) => t(key as 'fieldErrors.unknown', options as { field: string }),
    exists: (key) => i18next.exists(key),
  };
}

/**
 * The translated reason for one field issue (`{ code, limit? }`), the one way every form words a field
 * error: `scopes` are the form's own wordings asked first ('users' → users.fieldErrors.<code>); an
 * unknown code says that `label` is not valid.
 */
export function issueText(t: TFunction, issue: Pick<FieldIssue, 'code' | 'limit'>, label: string, scopes: readonly string[] = [], named = true): string {
  return fieldIssueText(source(t), issue, label, scopes, named);
}

/** The translated reason for one field of a failed command, e.g. `fieldError(t, error, 'email', t('users.fields.email'))`; undefined when that field is fine. */
export function fieldError(t: TFunction, error: PortalErrorData | undefined, field: string, label: string = field, scopes: readonly string[] = []): string | undefined {
  const issue = issueOfField(error?.fields, field);
  return issue ? issueText(t, issue, label, scopes) : undefined;
}
