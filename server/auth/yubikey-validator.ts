import type { Db } from '../db/database';

/** Yubico OTP alphabet: keyboard-layout-independent hex. */
export const MODHEX = 'cbdefghijklnrtuv';
const OTP_PATTERN = /^[cbdefghijklnrtuv]{44}$/;

export type YubikeyResult = { ok: true } | { ok: false; reason: 'malformed' | 'wrong-key' | 'replayed' | 'rejected' };

/**
 * Checks a Yubikey OTP for a user whose key has the given public id (its first 12 modhex characters).
 * The reference implementation checks format, public id and replay; a production one would also ask
 * Yubico's validation service (YubiCloud) to verify the OTP's cryptographic part.
 */
export interface YubikeyValidator {
  validate(input: { userId: string; otp: string; publicId: string }): Promise<YubikeyResult>;
}

export function isYubikeyOtp(value: string): boolean {
  return OTP_PATTERN.test(value);
}

/** The reference validator: format, public id, and each OTP accepted once ever (`yubikey_used_otps`). */
export function createReferenceYubikeyValidator(db: Db, now: () => Date): YubikeyValidator {
  const markUsed = db.prepare('INSERT INTO yubikey_used_otps (otp, user_id, used_at) VALUES (?, ?, ?) ON CONFLICT (otp) DO NOTHING');
  return {
    async validate({ userId, otp, publicId }) {
      const value = otp.trim().toLowerCase();
      if (!isYubikeyOtp(value)) return { ok: false, reason: 'malformed' };
      if (value.slice(0, 12) !== publicId) return { ok: false, reason: 'wrong-key' };
      // The insert is the replay check: it only succeeds for an OTP never seen before.
      if (markUsed.run(value, userId, now().toISOString()).changes !== 1) return { ok: false, reason: 'replayed' };
      return { ok: true };
    },
  };
}
