import type { TFunction } from 'i18next';
import type { PortalErrorData } from '../../common/result';

/**
 * The translated reason for one field of a failed command, e.g. `fieldError(t, error, 'email')`.
 * The portal's field codes (EMAIL_INVALID, NAME_TOO_LONG, …) have texts under `fieldErrors`.
 */
export function fieldError(t: TFunction, error: PortalErrorData | undefined, field: string): string | undefined {
  const issue = error?.fields?.find((candidate) => candidate.path === field);
  if (!issue) return undefined;
  const key = `fieldErrors.${issue.code}`;
  return t(key as 'fieldErrors.INVALID', { defaultValue: issue.message });
}
