import type { z } from 'zod';
import type { userChangesSchema, userFieldsSchema } from '../contract';
import type { User } from '../portal/portal-types';
import { checkEmail } from '../validation/email';
import type { FieldCheck } from '../validation/field-check';
import { checkMobile } from '../validation/mobile';
import { checkPersonName } from '../validation/person-name';
import { checkYubikeyOtp } from '../validation/yubikey-otp';

/**
 * The "Ny bruker" and "Rediger bruker" forms, checked with the same rules the portal uses, so the
 * admin sees a bad e-mail or mobile number before anything is sent.
 */
export type TwoFactor = User['twoFactor'];
export type UserFormField = 'firstName' | 'lastName' | 'email' | 'mobile' | 'yubikeyOtp';
/** A field's problem as the shared validators' code (EMAIL_INVALID, MOBILE_INVALID, …). */
export type UserFormErrors = Partial<Record<UserFormField, string>>;
export type NewUserInput = z.input<typeof userFieldsSchema>;
export type UserChanges = z.input<typeof userChangesSchema>;

export interface NewUserDraft {
  firstName: string;
  lastName: string;
  email: string;
  mobile: string;
  twoFactor: TwoFactor;
  yubikeyOtp: string;
}

export const emptyNewUserDraft: NewUserDraft = { firstName: '', lastName: '', email: '', mobile: '', twoFactor: 'totp', yubikeyOtp: '' };

/** The order fields appear in the forms: the first invalid one gets focus. */
export const userFormFieldOrder: readonly UserFormField[] = ['firstName', 'lastName', 'email', 'mobile', 'yubikeyOtp'];

function take<T>(errors: UserFormErrors, field: UserFormField, result: FieldCheck<T>): T | undefined {
  if (result.ok) return result.value;
  errors[field] = result.code;
  return undefined;
}

/** The create request when every field is valid; otherwise each invalid field's code. */
export function checkNewUser(draft: NewUserDraft): { errors: UserFormErrors; input: NewUserInput | undefined } {
  const errors: UserFormErrors = {};
  const firstName = take(errors, 'firstName', checkPersonName(draft.firstName));
  const lastName = take(errors, 'lastName', checkPersonName(draft.lastName));
  const email = take(errors, 'email', checkEmail(draft.email));
  const mobile = take(errors, 'mobile', checkMobile(draft.mobile));
  // The Yubikey code is only asked for (and only sent) when Yubikey is chosen.
  const yubikey = draft.twoFactor === 'yubikey' ? take(errors, 'yubikeyOtp', checkYubikeyOtp(draft.yubikeyOtp)) : undefined;
  if (firstName === undefined || lastName === undefined || email === undefined || mobile === undefined) return { errors, input: undefined };
  if (draft.twoFactor === 'yubikey') {
    return yubikey ? { errors, input: { firstName, lastName, email, mobile, twoFactor: 'yubikey', yubikeyOtp: yubikey.otp } } : { errors, input: undefined };
  }
  return { errors, input: { firstName, lastName, email, mobile, twoFactor: 'totp' } };
}

export interface UserEditDraft {
  email: string;
  mobile: string;
  twoFactor: TwoFactor;
  /** A touch of the new key: required when switching to Yubikey, optional to replace a Yubikey user's key. */
  yubikeyOtp: string;
}

export function draftFromUser(user: User): UserEditDraft {
  return { email: user.email, mobile: user.mobile, twoFactor: user.twoFactor, yubikeyOtp: '' };
}

export interface UserEditCheck {
  errors: UserFormErrors;
  /** Only what differs from the user as loaded, normalised as the portal would store it. */
  changes: UserChanges;
  /** Something differs from the loaded user (even if not valid yet): "Lagre endringer" is enabled. */
  changed: boolean;
}

export function checkUserEdit(base: User, draft: UserEditDraft): UserEditCheck {
  const errors: UserFormErrors = {};
  const changes: UserChanges = {};
  let touched = false;

  if (draft.email.trim() !== base.email) {
    const email = take(errors, 'email', checkEmail(draft.email));
    if (email === undefined) touched = true;
    else if (email !== base.email) changes.email = email;
  }
  if (draft.mobile.trim() !== base.mobile) {
    const mobile = take(errors, 'mobile', checkMobile(draft.mobile));
    if (mobile === undefined) touched = true;
    else if (mobile !== base.mobile) changes.mobile = mobile;
  }
  if (draft.twoFactor !== base.twoFactor) changes.twoFactor = draft.twoFactor;
  if (draft.twoFactor === 'yubikey') {
    // Switching to Yubikey needs the new key's code; a Yubikey user may also register a new key.
    const switching = base.twoFactor !== 'yubikey';
    if (switching || draft.yubikeyOtp.trim() !== '') {
      const yubikey = take(errors, 'yubikeyOtp', checkYubikeyOtp(draft.yubikeyOtp));
      if (yubikey) changes.yubikeyOtp = yubikey.otp;
      else if (!switching) touched = true;
    }
  }
  return { errors, changes, changed: touched || Object.keys(changes).length > 0 };
}
