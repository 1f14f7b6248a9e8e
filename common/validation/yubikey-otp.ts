import { invalid, valid, type FieldCheck } from './field-check';

/** Yubico OTPs are modhex: these 16 letters sit on the same keys on every keyboard layout. */
export const MODHEX_ALPHABET = 'cbdefghijklnrtuv';
export const YUBIKEY_OTP_LENGTH = 44;
export const YUBIKEY_PUBLIC_ID_LENGTH = 12;

const MODHEX_OTP = new RegExp(`^[${MODHEX_ALPHABET}]{${YUBIKEY_OTP_LENGTH}}$`);

/** A touch of the key: its first 12 characters are the key's public id, which identifies it. */
export function checkYubikeyOtp(input: string): FieldCheck<{ otp: string; publicId: string }> {
  const otp = input.trim();
  if (otp.length === 0) return invalid('YUBIKEY_OTP_REQUIRED', 'Touch the Yubikey to enter a code');
  if (otp.length !== YUBIKEY_OTP_LENGTH) {
    return invalid('YUBIKEY_OTP_INVALID', `A Yubikey code has exactly ${YUBIKEY_OTP_LENGTH} characters, not ${otp.length}`);
  }
  if (!MODHEX_OTP.test(otp)) {
    return invalid('YUBIKEY_OTP_INVALID', `A Yubikey code uses only the letters ${MODHEX_ALPHABET}`);
  }
  return valid({ otp, publicId: otp.slice(0, YUBIKEY_PUBLIC_ID_LENGTH) });
}
