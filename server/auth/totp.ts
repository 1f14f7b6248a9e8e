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

/** What every authenticator app shows the account under. */
export const TOTP_SERVICE = 'Fjernhjelp';

/**
 * The issuer: the service and the organisation, so one person's accounts with two organisations stay
 * apart in the app. Key Uri Format allows no colon in the issuer (apps split the label on it), so a
 * colon in the organisation's name becomes a space.
 */
export function totpIssuer(organisation: string): string {
  const name = organisation.replace(/[:\uFF1A]/g, ' ').replace(/\s+/g, ' ').trim();
  return name ? `${TOTP_SERVICE} (${name})` : TOTP_SERVICE;
}

/**
 * Google's Key Uri Format: otpauth://totp/ISSUER:ACCOUNT?issuer=ISSUER&..., the label's prefix equal to
 * the issuer parameter and neither containing a colon; every part percent-encoded (RFC 3986: a space
 * is %20, never "+", which apps would show as a plus).
 */
export function otpauthUri({ issuer, account, secret }: { issuer: string; account: string; secret: string }): string {
  if (/[:\uFF1A]/.test(issuer) || /[:\uFF1A]/.test(account)) throw new Error('otpauth: the issuer and account may not contain a colon');
  const e = encodeURIComponent;
  const params = [`issuer=${e(issuer)}`, `secret=${e(secret)}`, 'algorithm=SHA1', `digits=${TOTP_DIGITS}`, `period=${TOTP_PERIOD_SECONDS}`];
  return `otpauth://totp/${e(issuer)}:${e(account)}?${params.join('&')}`;
}
