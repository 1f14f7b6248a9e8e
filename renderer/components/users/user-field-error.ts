import type { TFunction } from 'i18next';
import type { FocusEvent } from 'react';
import type { PortalErrorData } from '../../../common/result';
import { userFormFieldOrder, type UserFormErrors, type UserFormField } from '../../../common/users/user-form';

/**
 * The text for a user-form field code. Person names have their own limits, so `users.fieldErrors`
 * is asked first; then the shared `fieldErrors`; an unknown code still says the value is invalid.
 */
export function userFieldErrorText(t: TFunction, code: string): string {
  return t(`users.fieldErrors.${code}` as 'users.fieldErrors.NAME_TOO_LONG', {
    defaultValue: t(`fieldErrors.${code}` as 'fieldErrors.INVALID', { defaultValue: t('fieldErrors.INVALID') }),
  });
}

/** The portal's per-field refusals (422 with `errors`), keyed like the form's own checks. */
export function serverFieldErrors(error: PortalErrorData | undefined): UserFormErrors {
  const errors: UserFormErrors = {};
  for (const issue of error?.fields ?? []) {
    if ((userFormFieldOrder as readonly string[]).includes(issue.path)) errors[issue.path as UserFormField] ??= issue.code;
  }
  return errors;
}

/** True when every field problem in the error can be shown beside its field. */
export function isFieldsOnly(error: PortalErrorData): boolean {
  return error.code === 'INVALID_INPUT' && (error.fields ?? []).length > 0 && error.fields!.every((issue) => (userFormFieldOrder as readonly string[]).includes(issue.path));
}

export function firstInvalidField(errors: UserFormErrors): UserFormField | undefined {
  return userFormFieldOrder.find((field) => errors[field] !== undefined);
}

/**
 * Whether leaving a field should show its error now. Not when focus moves to the submit button: the
 * error appearing on blur would shift the button away before the click lands, and the submit shows
 * every error anyway.
 */
export function blurShowsError(event: FocusEvent<HTMLElement>): boolean {
  const next = event.relatedTarget;
  return !(next instanceof HTMLButtonElement && next.type === 'submit' && next.form === event.currentTarget.closest('form'));
}
