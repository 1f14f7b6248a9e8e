import { invalid, valid, type FieldCheck } from './field-check';

/** Yubico OTPs are modhex: these 16 letters sit on the same keys on every keyboard layout. */
export const MODHEX_ALPHABET = 'cbdefghijklnrtuv';
export const YUBIKEY_OTP_LENGTH = 44;
export const YUBIKEY_PUBLIC_ID_LENGTH = 12;

/**
 * A touch of the key: its first 12 characters are the key's public id, which identifies it. Caps Lock
 * makes the key type upper-case modhex, which is the same code: it is lower-cased before the checks.
 * Each refusal says what is wrong (how many characters, or which one is not modhex).
 */
export function checkYubikeyOtp(input: string): FieldCheck<{ otp: string; publicId: string }> {
  const otp = input.trim().toLowerCase();
  if (otp.length === 0) return invalid('YUBIKEY_OTP_REQUIRED', 'Touch the Yubikey to enter a code');
  const length = [...otp].length;
  if (length !== YUBIKEY_OTP_LENGTH) {
    return invalid('YUBIKEY_OTP_LENGTH', `A Yubikey code has exactly ${YUBIKEY_OTP_LENGTH} characters, not ${length}`);
  }
  const stranger = [...otp].find((char) => !MODHEX_ALPHABET.includes(char));
  if (stranger !== undefined) {
    return invalid('YUBIKEY_OTP_CHARACTERS', `A Yubikey code uses only the letters ${MODHEX_ALPHABET}, not ${JSON.stringify(stranger)}`);
  }
  return valid({ otp, publicId: otp.slice(0, YUBIKEY_PUBLIC_ID_LENGTH) });
}
