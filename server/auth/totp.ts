import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { base32Decode, base32Encode } from './base32';

/** RFC 6238 TOTP with the parameters every common authenticator app supports: SHA1, 6 digits, 30 s. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;

export function generateTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** RFC 4226 HOTP; `digits` is a parameter so the RFC's 8-digit test vectors can be checked. */
export function hotp(key: Uint8Array, counter: number, digits = TOTP_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', key).update(message).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export function totpAt(key: Uint8Array, unixSeconds: number, digits = TOTP_DIGITS): string {
  return hotp(key, Math.floor(unixSeconds / TOTP_PERIOD_SECONDS), digits);
}

/**
 * Checks a 6-digit code against the current step and one step either side (clock drift).
 * Returns the matching time step, so a caller can refuse the same step twice, or undefined.
 */
export function verifyTotp(secretBase32: string, code: string, now: Date, window = 1): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const key = base32Decode(secretBase32);
  const step = Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
  for (let delta = -window; delta <= window; delta++) {
    const expected = hotp(key, step + delta);
    if (timingSafeEqual(Buffer.from(expected), Buffer.from(code))) return step + delta;
  }
  return undefined;
}

export function currentTotp(secretBase32: string, now: Date): string {
  return totpAt(base32Decode(secretBase32), now.getTime() / 1000);
}

/** Key Uri Format (otpauth://totp/ISSUER:ORG:USERNAME?...), with the organisation and username as the account. */
export function otpauthUri({ issuer, organisation, username, secret }: { issuer: string; organisation: string; username: string; secret: string }): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(`${organisation}:${username}`)}`;
  const params = new URLSearchParams({
    secret,
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_PERIOD_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}
