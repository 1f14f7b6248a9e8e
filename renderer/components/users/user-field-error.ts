import type { FocusEvent } from 'react';
import type { PortalErrorData } from '../../../common/result';
import { userFormFieldOrder, type UserFormErrors, type UserFormField } from '../../../common/users/user-form';

/** The portal's per-field refusals (422 with `errors`), keyed like the form's own checks. */
export function serverFieldErrors(error: PortalErrorData | undefined): UserFormErrors {
  const errors: UserFormErrors = {};
  for (const issue of error?.fields ?? []) {
    if ((userFormFieldOrder as readonly string[]).includes(issue.path)) errors[issue.path as UserFormField] ??= issue.code;
  }
  return errors;
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
